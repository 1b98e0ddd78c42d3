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

        public static SpineWorkspace Load(string root, IEnumerable<SpineFile> files) =>
            Assemble(root, files.Select(BindFile));

        /// <summary>Binds <paramref name="root"/> once more with <paramref name="recorder"/> listening to the reader (the schemas are made from it).</summary>
        public static void BindRecording(string path, YamlMapping root, Schemas.ShapeRecorder recorder)
        {
            if (Binder(path) is { } bind)
            {
                try
                {
                    bind(root, new BindingReader(new List<Finding>(), recorder));
                }
                catch (Exception ex) when (ex is InvalidOperationException || ex is ArgumentException || ex is NullReferenceException || ex is IndexOutOfRangeException)
                {
                    // A binder that fails on this data records what it read up to there.
                }
            }
        }

        /// <summary>Whether a binding reads the file at this spine-relative path (the rules need its tree).</summary>
        public static bool IsModelled(string path) => Binder(path) != null;

        /// <summary>Parses and binds one file; what it finds depends on this file alone.</summary>
        public static BoundFile BindFile(SpineFile file)
        {
            if (Binder(file.Path) is null)
            {
                // No binding reads it: only what parsing finds, without building its tree.
                var found = new List<Finding>();
                var parsedOk = YamlParser.Validate(file.Path, file.Text, found);
                return new BoundFile(file.Path, parsedOk, null, found.ToEquatableArray());
            }

            return Bind(ParsedFile.Parse(file.Path, file.Text));
        }

        /// <summary>Binds a file already parsed (by <see cref="ParsedFile.Parse"/> now, or earlier and kept by <see cref="SyntaxCache"/>).</summary>
        public static BoundFile Bind(ParsedFile parsed)
        {
            var findings = new List<Finding>(parsed.Findings);
            object? binding = null;
            if (!parsed.Document.HasSyntaxError && Binder(parsed.Path) is { } bind)
            {
                binding = parsed.Document.Root is YamlMapping map ? SafeBind(parsed, map, bind, findings) : NotAMapping(parsed, findings);
            }

            return new BoundFile(parsed.Path, !parsed.Document.HasSyntaxError, binding, findings.ToEquatableArray());
        }

        /// <summary>Puts bound files together into a workspace and reports the missing required bindings.</summary>
        public static SpineWorkspace Assemble(string root, IEnumerable<BoundFile> files)
        {
            var ordered = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
            var byPath = new Dictionary<string, BoundFile>(StringComparer.Ordinal);
            var findings = new List<Finding>();
            foreach (var file in ordered)
            {
                byPath[file.Path] = file;
                findings.AddRange(file.Findings);
            }

            foreach (var required in RequiredBindings.Where(r => !byPath.ContainsKey(r)))
            {
                findings.Add(RuleCatalog.MissingBinding.At(
                    SourceSpan.FileStart(required),
                    $"Binding '{required}' is missing; the rules that read it were skipped."));
            }

            T? Get<T>(string path)
                where T : class => byPath.TryGetValue(path, out var file) ? file.Binding as T : null;

            var tenants = ordered.Select(f => f.Binding).OfType<TenantProfile>().ToEquatableArray();
            return new SpineWorkspace(
                root,
                ordered.Select(f => f.Path).ToEquatableArray(),
                Get<CapabilityRegistry>(CapabilityRegistry.Path),
                Get<CapabilityMap>(CapabilityMap.Path),
                Get<GateRegistry>(GateRegistry.Path),
                Get<GateTopology>(GateTopology.Path),
                Get<DomainProfiles>(DomainProfiles.Path),
                Get<AgentProfiles>(AgentProfiles.Path),
                Get<StartupSequencing>(StartupSequencing.Path),
                Get<SshTargets>(SshTargets.Path),
                Get<ComposeTargets>(ComposeTargets.Path),
                Get<PolicyPresets>(PolicyPresets.Path),
                tenants,
                Get<HomeDeviceRegistry>(HomeDeviceRegistry.Path),
                Get<BackupInventory>(BackupInventory.Path),
                Get<NetworkCutoverPolicy>(NetworkCutoverPolicy.Path),
                Get<VmLifecycle>(VmLifecycle.Path),
                Get<SpineBaseline>(SpineBaseline.Path),
                findings.ToEquatableArray());
        }

        /// <summary>Reads a tenant profile kept outside the spine (SPINE_TENANT_PROFILE); null when it cannot be parsed.</summary>
        public static TenantProfile? BindTenant(string path, string text, ICollection<Finding> findings)
        {
            var parsed = ParsedFile.Parse(path, text);
            foreach (var f in parsed.Findings)
            {
                findings.Add(f);
            }

            if (parsed.Document.Root is not YamlMapping map)
            {
                return null;
            }

            var local = new List<Finding>();
            var tenant = TenantProfile.Bind(path, map, new BindingReader(local));
            foreach (var f in local)
            {
                findings.Add(f);
            }

            return tenant;
        }

        /// <summary>The binder of a modelled file, by its path relative to the spine root.</summary>
        private static Func<YamlMapping, BindingReader, object>? Binder(string path)
        {
            switch (path)
            {
                case CapabilityRegistry.Path: return CapabilityRegistry.Bind;
                case CapabilityMap.Path: return CapabilityMap.Bind;
                case GateRegistry.Path: return GateRegistry.Bind;
                case GateTopology.Path: return GateTopology.Bind;
                case DomainProfiles.Path: return DomainProfiles.Bind;
                case AgentProfiles.Path: return AgentProfiles.Bind;
                case StartupSequencing.Path: return StartupSequencing.Bind;
                case SshTargets.Path: return SshTargets.Bind;
                case ComposeTargets.Path: return ComposeTargets.Bind;
                case PolicyPresets.Path: return PolicyPresets.Bind;
                case HomeDeviceRegistry.Path: return HomeDeviceRegistry.Bind;
                case BackupInventory.Path: return BackupInventory.Bind;
                case NetworkCutoverPolicy.Path: return NetworkCutoverPolicy.Bind;
                case VmLifecycle.Path: return VmLifecycle.Bind;
                case SpineBaseline.Path: return SpineBaseline.Bind;
            }

            if (path == TenantProfile.DefaultPath || (path.StartsWith(TenantsFolder, StringComparison.Ordinal) && path.IndexOf('/', TenantsFolder.Length) < 0))
            {
                return (map, read) => TenantProfile.Bind(path, map, read);
            }

            return null;
        }

        private static object? SafeBind(ParsedFile file, YamlMapping map, Func<YamlMapping, BindingReader, object> bind, List<Finding> findings)
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
                findings.Add(RuleCatalog.InternalError.At(file.Document.Root!.Span, $"Could not bind '{file.Path}': {ex.GetType().Name}: {ex.Message}. Please report it."));
                return null;
            }
        }

        private static object? NotAMapping(ParsedFile file, List<Finding> findings)
        {
            var span = file.Document.Root?.Span ?? SourceSpan.FileStart(file.Path);
            var found = file.Document.Root?.Describe() ?? "an empty file";
            findings.Add(RuleCatalog.WrongType.At(span, $"Expected a mapping at the top of '{file.Path}', found {found}."));
            return null;
        }
    }
}
