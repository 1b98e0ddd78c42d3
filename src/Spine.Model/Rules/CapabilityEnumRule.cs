using System.Collections.Generic;
using Spine.Model.Bindings;

namespace Spine.Model.Rules
{
    /// <summary>SPINE010: capability fields named in <c>schema.enums</c> hold declared values (the data sets the vocabulary).</summary>
    internal sealed class CapabilityEnumRule : IRule
    {
        public RuleDescriptor Descriptor => RuleCatalog.CapabilityEnum;

        public IEnumerable<Finding> Check(SpineWorkspace workspace)
        {
            var registry = workspace.Capabilities;
            if (registry is null)
            {
                yield break;
            }

            foreach (var schemaEnum in registry.Schema.Enums)
            {
                var allowed = Names.Set(schemaEnum.Values);
                foreach (var capability in registry.Capabilities)
                {
                    var value = Field(capability, schemaEnum.Field.Value);
                    if (value is { } v && !allowed.Contains(v.Value))
                    {
                        yield return Descriptor.At(
                            v.Span,
                            $"Capability '{capability.Name.Value}' has {schemaEnum.Field.Value} '{v.Value}', which schema.enums.{schemaEnum.Field.Value} does not declare (declared: {Names.List(allowed)}).{Names.Hint(v.Value, allowed)}");
                    }
                }
            }
        }

        /// <summary>The fields <see cref="Field"/> knows (the schemas constrain only these, as the rule does).</summary>
        internal static readonly string[] Constrainable = { "plane", "domain", "safety", "approval", "lifecycle", "cwd", "auth_model" };

        /// <summary>The scalar capability fields an enum may constrain.</summary>
        internal static Located<string>? Field(Capability c, string name) => name switch
        {
            "plane" => c.Plane,
            "domain" => c.Domain,
            "safety" => c.Safety,
            "approval" => c.Approval,
            "lifecycle" => c.Lifecycle,
            "cwd" => c.Cwd,
            "auth_model" => c.AuthModel,
            _ => null,
        };
    }
}
