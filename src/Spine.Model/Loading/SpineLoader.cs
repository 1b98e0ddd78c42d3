using System;
using System.Collections.Generic;
using System.Linq;
using Spine.Model.Bindings;
using Spine.Model.Yaml;

namespace Spine.Model.Loading
{
    /// <summary>
    /// Turns the YAML files of one spine into a <see cref="SpineWorkspace"/>. Pure: it sees only the
    /// files it is given. Every file is parsed (syntax, duplicate keys); the modelled ones are bound.
    /// It never throws on bad input.
    /// </summary>
    public static class SpineLoader
    {
        /// <summary>Bindings without which the rules cannot check a spine; each missing one is one finding.</summary>
        public static readonly IReadOnlyList<string> RequiredBindings = new[]
        {
            CapabilityRegistry.Path,
            CapabilityMap.Path,
            GateRegistry.Path,
            GateTopology.Path,
            DomainProfiles.Path,
            StartupSequencing.Path,
            SshTargets.Path,
            PolicyPresets.Path,
            HomeDeviceRegistry.Path,
            BackupInventory.Path,
        };

        private const string TenantsFolder = "ops/bindings/tenants/";

        public static SpineWorkspace Load(string root, IEnumerable<SpineFile> files)
        {
            var parsed = files
                .OrderBy(f => f.Path, StringComparer.Ordinal)
                .Select(f => ParsedFile.Parse(f.Path, f.Text))
                .ToList();
            return Load(root, parsed);
        }

        /// <summary>Binds files that are already parsed (the generator caches parsing per file).</summary>
        public static SpineWorkspace Load(string root, IReadOnlyList<ParsedFile> files)
        {
            var findings = new List<Finding>();
            var byPath = new Dictionary<string, ParsedFile>(StringComparer.Ordinal);
            foreach (var file in files)
            {
                findings.AddRange(file.Findings);
                byPath[file.Path] = file;
            }

            T? Bind<T>(string path, Func<YamlMapping, BindingReader, T> bind)
                where T : class
            {
                if (!byPath.TryGetValue(path, out var file) || file.Document.HasSyntaxError)
                {
                    return null;
                }

                return file.Document.Root is YamlMapping map ? SafeBind(file, map, bind, findings) : NotAMapping<T>(file, findings);
            }

            foreach (var required in RequiredBindings)
            {
                if (!byPath.ContainsKey(required))
                {
                    findings.Add(new Finding(
                        RuleCatalog.MissingBinding.Id,
                        null,
                        RuleCatalog.MissingBinding.DefaultSeverity,
                        SourceSpan.FileStart(required),
                        $"Binding '{required}' is missing; the rules that read it were skipped."));
                }
            }

            var tenants = byPath.Keys
                .Where(p => p == TenantProfile.DefaultPath || (p.StartsWith(TenantsFolder, StringComparison.Ordinal) && p.IndexOf('/', TenantsFolder.Length) < 0))
                .Select(p => Bind(p, (m, r) => TenantProfile.Bind(p, m, r)))
                .Where(t => t != null)
                .Select(t => t!)
                .ToEquatableArray();

            return new SpineWorkspace(
                root,
                files.Select(f => f.Path).ToEquatableArray(),
                Bind(CapabilityRegistry.Path, CapabilityRegistry.Bind),
                Bind(CapabilityMap.Path, CapabilityMap.Bind),
                Bind(GateRegistry.Path, GateRegistry.Bind),
                Bind(GateTopology.Path, GateTopology.Bind),
                Bind(DomainProfiles.Path, DomainProfiles.Bind),
                Bind(AgentProfiles.Path, AgentProfiles.Bind),
                Bind(StartupSequencing.Path, StartupSequencing.Bind),
                Bind(SshTargets.Path, SshTargets.Bind),
                Bind(ComposeTargets.Path, ComposeTargets.Bind),
                Bind(PolicyPresets.Path, PolicyPresets.Bind),
                tenants,
                Bind(HomeDeviceRegistry.Path, HomeDeviceRegistry.Bind),
                Bind(BackupInventory.Path, BackupInventory.Bind),
                Bind(NetworkCutoverPolicy.Path, NetworkCutoverPolicy.Bind),
                findings.ToEquatableArray());
        }

        private static T? SafeBind<T>(ParsedFile file, YamlMapping map, Func<YamlMapping, BindingReader, T> bind, List<Finding> findings)
            where T : class
        {
            // Binders only read; a bug in one must not take the compiler down with it.
            try
            {
                var local = new List<Finding>();
                var result = bind(map, new BindingReader(local));
                findings.AddRange(local);
                return result;
            }
            catch (Exception ex)
            {
                findings.Add(new Finding(RuleCatalog.WrongType.Id, null, Severity.Error, file.Document.Root!.Span, $"Could not bind '{file.Path}': {ex.Message}"));
                return null;
            }
        }

        private static T? NotAMapping<T>(ParsedFile file, List<Finding> findings)
            where T : class
        {
            var span = file.Document.Root?.Span ?? SourceSpan.FileStart(file.Path);
            var found = file.Document.Root?.Kind ?? "an empty file";
            findings.Add(new Finding(RuleCatalog.WrongType.Id, null, RuleCatalog.WrongType.DefaultSeverity, span, $"Expected a mapping at the top of '{file.Path}', found {found}."));
            return null;
        }
    }
}
