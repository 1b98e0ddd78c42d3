using System.Globalization;
using System.Linq;
using Spine.Model.Bindings;
using Spine.Model.Yaml;

namespace Spine.Model
{
    /// <summary>Checks a knob's value against its <c>knob_schema</c> entry (type and enum).</summary>
    public static class KnobValues
    {
        /// <summary>Why <paramref name="setting"/> does not fit <paramref name="definition"/>, or null when it does.</summary>
        public static string? Problem(KnobSetting setting, KnobDefinition definition)
        {
            if (setting.Value is null)
            {
                return "has no scalar value";
            }

            var type = definition.Type?.Value ?? "string";
            var isBool = setting.IsPlain && BindingReader.TryBool(setting.Value, out _);
            var isInt = setting.IsPlain && int.TryParse(setting.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
            switch (type)
            {
                case "boolean":
                    if (!isBool)
                    {
                        return $"is '{setting.Value}', not a boolean";
                    }

                    break;
                case "integer":
                    if (!isInt)
                    {
                        return $"is '{setting.Value}', not an integer";
                    }

                    break;
                case "string":
                    if (isBool || isInt)
                    {
                        return $"is {(isBool ? "a boolean" : "an integer")} ({setting.Value}), not a string";
                    }

                    break;
                default:
                    return null;
            }

            if (definition.Enum is { } allowed && !allowed.Any(a => a.Value == setting.Value))
            {
                return $"is '{setting.Value}', not one of {string.Join(", ", allowed.Select(a => a.Value))}";
            }

            return null;
        }
    }
}
