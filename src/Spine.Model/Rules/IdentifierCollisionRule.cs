using System.Collections.Generic;
using System.Linq;
using Spine.Model.Naming;

namespace Spine.Model.Rules
{
    /// <summary>
    /// SPINE005: two different names of one generated class map to the same C# identifier (or a name
    /// takes a member the class already has). The generated code still compiles (the later name gets a
    /// suffix); the finding says which names collide, at the second, with the first as related location.
    /// </summary>
    internal sealed class IdentifierCollisionRule : IRule
    {
        public RuleDescriptor Descriptor => RuleCatalog.IdentifierCollision;

        public IEnumerable<Finding> Check(SpineWorkspace ws)
        {
            var lists = new List<(string What, IEnumerable<Located<string>> Names, string[] Reserved)>();
            if (ws.Capabilities is { } caps)
            {
                lists.Add(("Capability", caps.Capabilities.Select(c => c.Name), GeneratedNames.Capabilities));
            }

            if (ws.Registry is { } reg)
            {
                lists.Add(("Gate", reg.Gates.Where(g => g.Id.Value.Length > 0).Select(g => g.Id), GeneratedNames.Gates));
            }

            if (ws.Topology is { } top)
            {
                lists.Add(("Domain", top.Domains.Select(d => d.Id), GeneratedNames.Domains));
            }

            if (ws.SshTargets is { } ssh)
            {
                lists.Add(("SSH target", ssh.Targets.Select(t => t.Id), GeneratedNames.SshTargets));
            }

            if (ws.Policy is { } policy)
            {
                lists.Add(("Knob", policy.KnobSchema.Select(k => k.Name), GeneratedNames.Knobs));
                lists.Add(("Preset", policy.Presets.Select(p => p.Name), GeneratedNames.Presets));
            }

            if (ws.Sequencing is { } seq)
            {
                lists.Add(("Site", seq.Sites, GeneratedNames.Sites));
            }

            foreach (var (what, names, reserved) in lists)
            {
                var first = new Dictionary<string, Located<string>>(System.StringComparer.Ordinal);
                foreach (var name in names)
                {
                    if (!first.ContainsKey(name.Value))
                    {
                        first.Add(name.Value, name);
                    }
                }

                foreach (var collision in Identifiers.Assign(first.Keys, reserved).Collisions)
                {
                    var second = first[collision.Second];
                    yield return first.TryGetValue(collision.First, out var earlier)
                        ? Descriptor.At(
                            second.Span,
                            $"{what} '{collision.Second}' and '{collision.First}' (line {earlier.Span.Line}) both become the C# identifier '{collision.Identifier}'; the generated member for '{collision.Second}' is '{collision.Identifier}_2' (or later). Rename one of them.",
                            earlier.Span)
                        : Descriptor.At(
                            second.Span,
                            $"{what} '{collision.Second}' becomes the C# identifier '{collision.Identifier}', which the generated class already uses; its member is '{collision.Identifier}_2' (or later). Rename it.");
                }
            }
        }
    }
}
