using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Spine.Build.Receipts
{
    /// <summary>
    /// A minimal streaming JSON writer. The task runs inside MSBuild, which brings its own
    /// System.Text.Json; a netstandard2.0 task that shipped another one could load the wrong copy.
    /// </summary>
    public sealed class JsonWriter
    {
        private readonly StringBuilder _out = new StringBuilder();
        private readonly Stack<bool> _first = new Stack<bool>();

        public JsonWriter StartObject(string? name = null) => Open(name, '{');

        public JsonWriter EndObject() => Close('}');

        public JsonWriter StartArray(string? name = null) => Open(name, '[');

        public JsonWriter EndArray() => Close(']');

        public JsonWriter String(string name, string? value) => Raw(name, value is null ? "null" : Quote(value));

        public JsonWriter String(string? value) => Raw(null, value is null ? "null" : Quote(value));

        public JsonWriter Number(string name, long value) => Raw(name, value.ToString(CultureInfo.InvariantCulture));

        public JsonWriter Number(string name, double value) => Raw(name, value.ToString("0.###", CultureInfo.InvariantCulture));

        public JsonWriter Bool(string name, bool value) => Raw(name, value ? "true" : "false");

        public override string ToString() => _out.ToString();

        public static string Quote(string value)
        {
            var sb = new StringBuilder(value.Length + 2).Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    default:
                        if (c < 0x20)
                        {
                            sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            sb.Append(c);
                        }

                        break;
                }
            }

            return sb.Append('"').ToString();
        }

        private JsonWriter Open(string? name, char bracket)
        {
            Prefix(name);
            _out.Append(bracket);
            _first.Push(true);
            return this;
        }

        private JsonWriter Close(char bracket)
        {
            _first.Pop();
            _out.Append(bracket);
            return this;
        }

        private JsonWriter Raw(string? name, string value)
        {
            Prefix(name);
            _out.Append(value);
            return this;
        }

        private void Prefix(string? name)
        {
            if (_first.Count > 0)
            {
                if (!_first.Pop())
                {
                    _out.Append(',');
                }

                _first.Push(false);
            }

            if (name != null)
            {
                _out.Append(Quote(name)).Append(':');
            }

        }
    }
}
