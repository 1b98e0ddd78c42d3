using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Spine.Model.Loading;

namespace Spine.Generators
{
    /// <summary>
    /// Which additional files belong to the spine and what their spine-relative path is. The root comes
    /// from <c>build_property.SpineRoot</c> (CompilerVisibleProperty); without it, the path from the last
    /// <c>/ops/</c> folder on is used.
    /// </summary>
    internal static class SpineAdditionalFiles
    {
        public const string RootProperty = "build_property.SpineRoot";
        public const string AccessibilityProperty = "build_property.SpineGeneratedAccessibility";
        public const string DocsBaseUrlProperty = "build_property.SpineDocsBaseUrl";
        public const string PolicyPresetProperty = "build_property.SpinePolicyPreset";
        public const string TenantProfileProperty = "build_property.SpineTenantProfile";

        /// <summary>Where the diagnostics' help pages live when the project does not say (SpineDocsBaseUrl).</summary>
        public const string DefaultDocsBaseUrl = "https://github.com/spine-governance/spine/blob/main/docs/diagnostics/";

        /// <summary>The generator's version, as [GeneratedCode] carries it.</summary>
        public static readonly string Version =
            (System.Reflection.CustomAttributeExtensions.GetCustomAttribute<System.Reflection.AssemblyInformationalVersionAttribute>(typeof(SpineAdditionalFiles).Assembly)?.InformationalVersion ?? "1.0.0").Split('+')[0];

        /// <summary>internal unless the project sets SpineGeneratedAccessibility to public.</summary>
        public static EmitOptions EmitOptions(AnalyzerConfigOptions global) =>
            new EmitOptions(Property(global, AccessibilityProperty)?.Trim().ToLowerInvariant() == "public" ? "public" : "internal", Version);

        public static string? Property(AnalyzerConfigOptions global, string name) =>
            global.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

        /// <summary>The base of the help links (ends with '/').</summary>
        public static string DocsBaseUrl(AnalyzerConfigOptions global)
        {
            var url = Property(global, DocsBaseUrlProperty) ?? DefaultDocsBaseUrl;
            return url.EndsWith("/", StringComparison.Ordinal) ? url : url + "/";
        }

        public static string Root(AnalyzerConfigOptions global) =>
            global.TryGetValue(RootProperty, out var root) && !string.IsNullOrWhiteSpace(root) ? Normalize(root) : string.Empty;

        /// <summary>The spine-relative path of <paramref name="path"/>, or null when it is not a YAML file under ops/.</summary>
        public static string? Relative(string path, string root)
        {
            var p = Normalize(path);
            if (!(p.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }

            if (root.Length > 0 && p.StartsWith(root + "/", StringComparison.Ordinal))
            {
                var relative = p.Substring(root.Length + 1);
                return relative.StartsWith("ops/", StringComparison.Ordinal) ? relative : null;
            }

            var at = p.LastIndexOf("/ops/", StringComparison.Ordinal);
            if (at >= 0)
            {
                return p.Substring(at + 1);
            }

            return p.StartsWith("ops/", StringComparison.Ordinal) ? p : null;
        }

        public static SpineFile? Read(AdditionalText text, string root, CancellationToken cancellationToken)
        {
            var relative = Relative(text.Path, root);
            if (relative is null)
            {
                return null;
            }

            var source = text.GetText(cancellationToken);
            return source is null ? null : new SpineFile(relative, TextIdentity.Content(source));
        }

        private static string Normalize(string path) => path.Replace('\\', '/').TrimEnd('/');
    }
}
