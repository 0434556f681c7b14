using System.Globalization;
using System.Text.RegularExpressions;
using Fluid;

namespace CommissioningPortal.Documents.Templates;

/// <summary>
/// Checks a Liquid template line by line, before Fluid parses the whole of it: the template is
/// split into tags and outputs here and each one is parsed by Fluid on its own (so a problem is
/// named with its own tag, at our line), blocks are matched with a stack (an unclosed
/// <c>{% if %}</c> is reported at the line that opened it), and every variable is resolved against
/// the merge schema, with loop variables and assigned names in scope where Liquid would have them.
/// The limits that can be seen without rendering are checked here too: a loop over a range of
/// numbers longer than the step limit (alone or inside other such loops) and blocks nested too deep.
/// </summary>
internal sealed partial class TemplateValidator
{
    private static readonly HashSet<string> BlockTags = ["if", "unless", "for", "case", "capture", "comment", "raw", "tablerow", "ifchanged"];
    private static readonly HashSet<string> SimpleTags = ["assign", "cycle", "increment", "decrement", "break", "continue"];
    private static readonly HashSet<string> Keywords = ["and", "or", "contains", "true", "false", "nil", "null", "empty", "blank", "in", "reversed", "with"];
    private static readonly HashSet<string> ForLoopMembers = ["index", "index0", "rindex", "rindex0", "first", "last", "length"];
    private static readonly HashSet<string> ListMembers = ["size", "first", "last"];
    private readonly MergeSchema _schema;
    private readonly IReadOnlySet<string> _filterNames;
    private readonly TemplateLimits _limits;
    private readonly string _source;
    private readonly List<int> _lineStarts = [0];
    private readonly List<TemplateError> _errors = [];
    private readonly Stack<OpenBlock> _blocks = new();
    private readonly Dictionary<string, FieldNode?> _assigned = new(StringComparer.Ordinal);

    private bool _nestingReported;

    private TemplateValidator(MergeSchema schema, IReadOnlySet<string> filterNames, TemplateLimits limits, string source)
    {
        _schema = schema;
        _filterNames = filterNames;
        _limits = limits;
        _source = source;
        for (var i = 0; i < source.Length; i++)
            if (source[i] == '\n') _lineStarts.Add(i + 1);
    }

    /// <summary>The first line with a loop, and with an assign or capture: where a limit reached while rendering is reported.</summary>
    public int? FirstLoopLine { get; private set; }

    public int? FirstAssignLine { get; private set; }

    public IReadOnlyList<TemplateError> Errors => _errors;

    public static TemplateValidator Validate(MergeSchema schema, IReadOnlySet<string> filterNames, TemplateLimits limits, string source)
    {
        var validator = new TemplateValidator(schema, filterNames, limits, source);
        if (source.Length > limits.MaxTemplateCharacters)
        {
            validator.Error(validator.LineOf(limits.MaxTemplateCharacters),
                $"the template is too long: it has {source.Length:N0} characters and a template may have at most {limits.MaxTemplateCharacters:N0} (this is the line where it goes over)");
            return validator;
        }
        validator.Run();
        return validator;
    }

    private void Run()
    {
        var position = 0;
        foreach (Match token in Token().Matches(_source))
        {
            CheckText(position, token.Index);
            position = token.Index + token.Length;
            var line = LineOf(token.Index);

            // Inside {% raw %} or {% comment %} nothing is Liquid until the matching end tag.
            if (_blocks.TryPeek(out var top) && top.Name is "raw" or "comment")
            {
                if (token.Groups["tag"].Success && TagName(WithoutTrim(token.Groups["tag"].Value)) == "end" + top.Name) _blocks.Pop();
                continue;
            }

            if (token.Groups["out"].Success) Output(WithoutTrim(token.Groups["out"].Value), line);
            else Tag(WithoutTrim(token.Groups["tag"].Value), line);
        }
        CheckText(position, _source.Length);

        foreach (var open in _blocks.Reverse())
            Error(open.Line, $"{{% {open.Name} %}} is never closed: add {{% end{open.Name} %}}");
    }

    /// <summary>Literal text must not contain the start of a tag that was never finished.</summary>
    private void CheckText(int from, int to)
    {
        for (var i = from; i < to - 1; i++)
        {
            if (_source[i] != '{' || (_source[i + 1] != '{' && _source[i + 1] != '%')) continue;
            var close = _source[i + 1] == '{' ? "}}" : "%}";
            Error(LineOf(i), $"'{_source.Substring(i, 2)}' is not closed with '{close}'");
            return;
        }
    }

    private void Output(string markup, int line)
    {
        if (markup.Trim().Length == 0)
        {
            Error(line, "empty output {{ }}: put a field name inside, e.g. {{ person.name }}");
            return;
        }
        if (!ParsesAlone("{{" + markup + "}}", line, "{{ … }}")) return;
        CheckFilteredExpression(markup, line);
    }

    private void Tag(string markup, int line)
    {
        var name = TagName(markup);
        var rest = markup.Trim();
        rest = rest.Length > name.Length ? rest[name.Length..].Trim() : "";

        if (name.Length == 0)
        {
            Error(line, "empty tag {% %}");
            return;
        }

        if (name.StartsWith("end", StringComparison.Ordinal) && BlockTags.Contains(name[3..]))
        {
            var opened = name[3..];
            if (_blocks.Count == 0)
            {
                Error(line, $"{{% {name} %}} has no {{% {opened} %}} to close");
                return;
            }
            var top = _blocks.Peek();
            if (top.Name != opened)
            {
                Error(line, $"{{% {name} %}} found where {{% end{top.Name} %}} was expected (the {{% {top.Name} %}} on line {top.Line} is still open)");
                return;
            }
            _blocks.Pop();
            return;
        }

        switch (name)
        {
            case "else":
                if (!InBlock("if", "unless", "for", "case")) Error(line, "{% else %} is only allowed inside {% if %}, {% unless %}, {% for %} or {% case %}");
                return;
            case "elsif":
                if (!InBlock("if", "unless")) { Error(line, "{% elsif %} is only allowed inside {% if %}"); return; }
                if (ParsesAlone("{% if x %}{% elsif " + rest + " %}{% endif %}", line, "{% elsif %}")) CheckCondition(rest, line);
                return;
            case "when":
                if (!InBlock("case")) { Error(line, "{% when %} is only allowed inside {% case %}"); return; }
                if (ParsesAlone("{% case x %}{% when " + rest + " %}{% endcase %}", line, "{% when %}")) CheckCondition(rest, line);
                return;
            case "break" or "continue":
                if (!_blocks.Any(b => b.Name is "for" or "tablerow")) Error(line, $"{{% {name} %}} is only allowed inside {{% for %}}");
                return;
        }

        if (BlockTags.Contains(name))
        {
            var ok = ParsesAlone("{%" + markup + "%}{% end" + name + " %}", line, $"{{% {name} %}}");
            var scope = new Dictionary<string, FieldNode?>(StringComparer.Ordinal);
            var rounds = _blocks.TryPeek(out var parent) ? parent.Rounds : 1L;
            if (_blocks.Count >= _limits.MaxNesting && !_nestingReported)
            {
                _nestingReported = true;
                Error(line, $"blocks sit too deeply inside each other here: a template may nest at most {_limits.MaxNesting} blocks ({{% if %}}, {{% for %}} and the like) inside each other");
            }
            if (name is "for" or "tablerow") FirstLoopLine ??= line;
            if (name == "capture") FirstAssignLine ??= line;
            if (ok)
            {
                switch (name)
                {
                    case "if" or "unless" or "case" or "ifchanged":
                        CheckCondition(rest, line);
                        break;
                    case "for" or "tablerow":
                        scope = ForScope(rest, line, ref rounds);
                        break;
                    case "capture":
                        _assigned[rest.Trim()] = null;
                        break;
                }
            }
            _blocks.Push(new OpenBlock(name, line, scope, rounds));
            return;
        }

        if (SimpleTags.Contains(name))
        {
            if (!ParsesAlone("{%" + markup + "%}", line, $"{{% {name} %}}")) return;
            switch (name)
            {
                case "assign":
                    FirstAssignLine ??= line;
                    var eq = rest.IndexOf('=', StringComparison.Ordinal);
                    if (eq > 0)
                    {
                        CheckFilteredExpression(rest[(eq + 1)..], line);
                        _assigned[rest[..eq].Trim()] = null;
                    }
                    break;
                case "increment" or "decrement":
                    _assigned[rest.Trim()] = null;
                    break;
                case "cycle":
                    CheckCondition(rest, line);
                    break;
            }
            return;
        }

        Error(line, $"unknown tag {{% {name} %}}: agreement templates can use if, elsif, else, unless, case, when, for, assign, capture, cycle, comment and raw");
    }

    private Dictionary<string, FieldNode?> ForScope(string markup, int line, ref long rounds)
    {
        var scope = new Dictionary<string, FieldNode?>(StringComparer.Ordinal);
        var match = ForMarkup().Match(markup);
        if (!match.Success) return scope;
        var variable = match.Groups["var"].Value;
        var collection = match.Groups["coll"].Value;
        FieldNode? element = null;
        if (collection.StartsWith('('))
        {
            var range = collection.Trim('(', ')');
            CheckCondition(range.Replace("..", " ", StringComparison.Ordinal), line);
            element = Scalar;
            if (LiteralRange().Match(range) is { Success: true } literal
                && long.TryParse(literal.Groups["from"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var from)
                && long.TryParse(literal.Groups["to"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var to))
            {
                var count = Math.Max(0, to - from + 1);
                var total = rounds * count;
                if (count > _limits.MaxSteps)
                    Error(line, $"this loop would go round {count:N0} times: a template may take at most {_limits.MaxSteps:N0} steps (each loop round, tag and merge field is a step)");
                else if (total > _limits.MaxSteps)
                    Error(line, $"this loop, inside the loops around it, would go round {total:N0} times: a template may take at most {_limits.MaxSteps:N0} steps (each loop round, tag and merge field is a step)");
                rounds = Math.Min(total, int.MaxValue);
            }
        }
        else
        {
            var node = Resolve(collection, line);
            element = node is { Kind: FieldKind.List } ? node.Element : null;
        }
        CheckCondition(Regex.Replace(match.Groups["rest"].Value, @"\b(limit|offset|cols)\s*:", " "), line);
        scope[variable] = element;
        scope["forloop"] = ForLoop;
        return scope;
    }

    /// <summary>An expression followed by filters: <c>budget.weekly | money</c>, <c>name | append: " x", other</c>.</summary>
    private void CheckFilteredExpression(string markup, int line)
    {
        var parts = SplitOutsideQuotes(markup, '|');
        CheckCondition(parts[0], line);
        foreach (var part in parts.Skip(1))
        {
            var filter = part.Trim();
            var colon = filter.IndexOf(':', StringComparison.Ordinal);
            var name = (colon < 0 ? filter : filter[..colon]).Trim();
            if (!_filterNames.Contains(name))
            {
                var suggestion = Closest(name, _filterNames);
                Error(line, $"unknown filter {name}" + (suggestion is null ? "" : $" — did you mean {suggestion}?"));
            }
            if (colon >= 0) CheckCondition(filter[(colon + 1)..], line);
        }
    }

    /// <summary>Checks every variable reference in a run of Liquid expressions (strings, numbers and operators are skipped).</summary>
    private void CheckCondition(string markup, int line)
    {
        foreach (Match m in ExpressionToken().Matches(markup))
        {
            if (!m.Groups["path"].Success) continue;
            var path = m.Groups["path"].Value;
            if (Keywords.Contains(path)) continue;
            Resolve(path, line);
        }
    }

    /// <summary>Resolves a variable path against the schema and the names in scope; reports it when unknown.</summary>
    private FieldNode? Resolve(string path, int line)
    {
        var segments = Segments(path);
        if (segments.Count == 0) return null;
        var root = segments[0];
        FieldNode? node;
        string written = root;
        IEnumerable<string> candidates;

        if (TryScope(root, out var scoped))
        {
            node = scoped;
            if (node is null) return null; // assigned or captured: any shape
        }
        else if (_schema.Root.Members.TryGetValue(root, out var member))
        {
            node = member;
        }
        else
        {
            candidates = _schema.Root.Members.Keys.Concat(_blocks.SelectMany(b => b.Scope.Keys)).Concat(_assigned.Keys);
            Unknown(line, root, Closest(root, candidates));
            return null;
        }

        for (var i = 1; i < segments.Count; i++)
        {
            var segment = segments[i];
            var parent = written;
            written += segment == "[]" ? "[0]" : "." + segment;
            if (segment == "[]")
            {
                if (node.Kind == FieldKind.List) { node = node.Element!; continue; }
                if (node.Kind == FieldKind.Object) return null; // hash["key"]: not checked
                Unknown(line, written, null);
                return null;
            }
            if (node.Kind == FieldKind.List && ListMembers.Contains(segment))
            {
                node = segment == "size" ? Scalar : node.Element!;
                continue;
            }
            if (node.Kind == FieldKind.Text && segment == "size")
            {
                node = Scalar;
                continue;
            }
            if (node.Kind == FieldKind.Object && node.Members.TryGetValue(segment, out var child))
            {
                node = child;
                continue;
            }
            candidates = node.Kind switch
            {
                FieldKind.Object => node.Members.Keys,
                FieldKind.List => ListMembers,
                _ => [],
            };
            var suggestion = Closest(segment, candidates);
            Unknown(line, path, suggestion is null ? null : parent + "." + suggestion);
            return null;
        }
        return node;
    }

    private bool TryScope(string name, out FieldNode? node)
    {
        foreach (var block in _blocks)
            if (block.Scope.TryGetValue(name, out node)) return true;
        return _assigned.TryGetValue(name, out node);
    }

    private void Unknown(int line, string path, string? suggestion) =>
        Error(line, $"unknown field {path}" + (suggestion is null ? "" : $" — did you mean {suggestion}?"));

    private bool InBlock(params string[] names) => _blocks.TryPeek(out var top) && names.Contains(top.Name);

    /// <summary>Parses one tag or output with Fluid on its own, so its problem is reported at our line.</summary>
    private bool ParsesAlone(string fragment, int line, string what)
    {
        if (Liquid.Parser.TryParse(fragment, out _, out var error)) return true;
        var hint = what switch
        {
            "{% if %}" or "{% unless %}" or "{% elsif %}" => ": write it like {% if representative %} or {% if budget_holder.kind == \"provider\" %}",
            "{% for %}" or "{% tablerow %}" => ": write it like {% for outcome in outcomes %} or {% for i in (1..3) %}",
            "{% case %}" => ": write it like {% case budget_holder.kind %}",
            "{% when %}" => ": write it like {% when \"provider\" %}",
            "{% assign %}" => ": write it like {% assign total = budget.weekly | times: 52 %}",
            "{{ … }}" => ": write a field and any filters, like {{ budget.weekly | money }}",
            _ => "",
        };
        Error(line, $"{what} is not written correctly{hint} ({Liquid.Describe(error)})");
        return false;
    }

    private static string WithoutTrim(string markup)
    {
        // {%- … -%} and {{- … -}} only trim the whitespace around them.
        var span = markup.AsSpan();
        if (span.StartsWith("-")) span = span[1..];
        if (span.EndsWith("-")) span = span[..^1];
        return span.ToString();
    }

    private void Error(int line, string message)
    {
        if (_errors.Count < 50) _errors.Add(new TemplateError(line, message));
    }

    private int LineOf(int index)
    {
        var i = _lineStarts.BinarySearch(index);
        return (i >= 0 ? i : ~i - 1) + 1;
    }

    private static string TagName(string markup)
    {
        var trimmed = markup.AsSpan().Trim();
        var end = 0;
        while (end < trimmed.Length && (char.IsLetterOrDigit(trimmed[end]) || trimmed[end] == '_')) end++;
        return trimmed[..end].ToString();
    }

    private static List<string> Segments(string path)
    {
        var segments = new List<string>();
        foreach (Match m in PathSegment().Matches(path))
            segments.Add(m.Groups["name"].Success ? m.Groups["name"].Value : "[]");
        return segments;
    }

    private static List<string> SplitOutsideQuotes(string text, char separator)
    {
        var parts = new List<string>();
        var start = 0;
        char quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; }
            else if (c is '"' or '\'') quote = c;
            else if (c == separator) { parts.Add(text[start..i]); start = i + 1; }
        }
        parts.Add(text[start..]);
        return parts;
    }

    internal static string? Closest(string word, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates.Distinct())
        {
            var d = Distance(word, candidate);
            if (d < bestDistance) { bestDistance = d; best = candidate; }
        }
        return best is not null && bestDistance <= Math.Max(2, word.Length / 3) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        // Optimal string alignment distance: a swapped pair of letters ("nmae") counts as one edit.
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }

    private static readonly FieldNode Scalar = FieldNode.Build(typeof(int), 0);
    private static readonly FieldNode ForLoop = FieldNode.Build(typeof(ForLoopShape), 0);

    private sealed record ForLoopShape(int Index, int Index0, int Rindex, int Rindex0, bool First, bool Last, int Length);

    /// <param name="Rounds">How many times the block's body runs, as far as literal ranges tell (1 when unknown).</param>
    private sealed record OpenBlock(string Name, int Line, Dictionary<string, FieldNode?> Scope, long Rounds);

    [GeneratedRegex(@"\{\{(?<out>.*?)\}\}|\{%(?<tag>.*?)%\}", RegexOptions.Singleline)]
    private static partial Regex Token();

    [GeneratedRegex(@"^\s*(?<var>[A-Za-z_]\w*)\s+in\s+(?<coll>\([^)]*\)|[^\s]+)(?<rest>.*)$", RegexOptions.Singleline)]
    private static partial Regex ForMarkup();

    [GeneratedRegex("""(?<str>"[^"]*"|'[^']*')|(?<num>-?\d+(?:\.\d+)?)|(?<path>[A-Za-z_][\w-]*\??(?:\.[A-Za-z_][\w-]*\??|\[[^\]]*\])*)""")]
    private static partial Regex ExpressionToken();

    [GeneratedRegex(@"(?<name>[A-Za-z_][\w-]*\??)|\[[^\]]*\]")]
    private static partial Regex PathSegment();

    [GeneratedRegex(@"^\s*(?<from>-?\d{1,18})\s*\.\.\s*(?<to>-?\d{1,18})\s*$")]
    private static partial Regex LiteralRange();
}
