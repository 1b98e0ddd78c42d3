using System;
using System.Collections.Generic;
using System.IO;
using Spine.Model.Loading;

namespace Spine.Model.Policy
{
    /// <summary>
    /// The inputs of the policy discovery chain: <c>SPINE_POLICY_PRESET</c>, the tenant profile that
    /// <c>SPINE_TENANT_PROFILE</c> names, and the spine's own tenant. The CLI, the MSBuild task and the runtime
    /// read them from the process; the analyzer gets the same two values as build properties (an analyzer
    /// must not read the environment) and the tenant file as an additional file — then all of them resolve
    /// through <see cref="PolicyResolver"/>.
    /// </summary>
    public static class PolicyEnvironment
    {
        public const string PresetVariable = "SPINE_POLICY_PRESET";
        public const string TenantVariable = "SPINE_TENANT_PROFILE";

        /// <summary>The chain's inputs from the process environment, around the spine's tenant.</summary>
        public static PolicySources Sources(TenantChoice? spineTenant, Func<string, string?>? environment = null)
        {
            environment ??= Environment.GetEnvironmentVariable;
            var tenantPath = environment(TenantVariable);
            string? tenantText = null;
            if (!string.IsNullOrWhiteSpace(tenantPath) && File.Exists(tenantPath))
            {
                try
                {
                    tenantText = File.ReadAllText(tenantPath);
                }
                catch (IOException)
                {
                    // Reported as "cannot be read" by the resolver.
                }
                catch (UnauthorizedAccessException)
                {
                }
            }

            return From(environment(PresetVariable), tenantPath, tenantText, spineTenant);
        }

        public static PolicySources Sources(SpineWorkspace workspace, Func<string, string?>? environment = null) =>
            Sources(TenantChoice.From(workspace.Tenant), environment);

        /// <summary>The chain's inputs from plain values (what the analyzer has): the preset variable, the tenant path and its text.</summary>
        public static PolicySources From(string? presetVariable, string? tenantPath, string? tenantText, TenantChoice? spineTenant)
        {
            Bindings.TenantProfile? tenant = null;
            if (!string.IsNullOrWhiteSpace(tenantPath) && tenantText != null)
            {
                tenant = SpineLoader.BindTenant(tenantPath!, tenantText, new List<Finding>());
            }

            return new PolicySources(presetVariable, TenantChoice.From(tenant), tenantPath, spineTenant);
        }

        public static ResolvedPolicy Resolve(SpineWorkspace workspace, Func<string, string?>? environment = null) =>
            PolicyResolver.Resolve(workspace.Policy, Sources(workspace, environment));
    }
}
