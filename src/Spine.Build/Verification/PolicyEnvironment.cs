using System;
using System.Collections.Generic;
using System.IO;
using Spine.Model;
using Spine.Model.Loading;
using Spine.Model.Policy;

namespace Spine.Build.Verification
{
    /// <summary>Reads the policy discovery chain's inputs (environment variables, the tenant file they name) and resolves the policy.</summary>
    public static class PolicyEnvironment
    {
        public static PolicySources Sources(SpineWorkspace workspace, Func<string, string?>? environment = null) =>
            Sources(TenantChoice.From(workspace.Tenant), environment);

        /// <summary>The chain's inputs around a given spine tenant (the compiled-in one, for the runtime).</summary>
        public static PolicySources Sources(TenantChoice? spineTenant, Func<string, string?>? environment = null)
        {
            environment ??= Environment.GetEnvironmentVariable;
            var preset = environment("SPINE_POLICY_PRESET");
            var tenantPath = environment("SPINE_TENANT_PROFILE");
            Model.Bindings.TenantProfile? tenant = null;
            if (!string.IsNullOrWhiteSpace(tenantPath) && File.Exists(tenantPath))
            {
                tenant = SpineLoader.BindTenant(tenantPath!, File.ReadAllText(tenantPath), new List<Finding>());
            }

            return new PolicySources(preset, TenantChoice.From(tenant), tenantPath, spineTenant);
        }

        public static ResolvedPolicy Resolve(SpineWorkspace workspace, Func<string, string?>? environment = null) =>
            PolicyResolver.Resolve(workspace.Policy, Sources(workspace, environment));
    }
}
