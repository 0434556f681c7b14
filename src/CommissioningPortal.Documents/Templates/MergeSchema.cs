using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using Fluid;
using Fluid.Values;

namespace CommissioningPortal.Documents.Templates;

/// <summary>
/// The shape of a merge model as Liquid sees it, read from its public properties: property names
/// in snake_case, enums as kebab-case text, dates as dates, lists of values or of objects.
/// Used both to check a template's fields and to turn a model into Liquid (Fluid) values, so the two
/// never disagree.
/// </summary>
internal sealed class MergeSchema
{
    private static readonly ConcurrentDictionary<Type, MergeSchema> Cache = new();

    private MergeSchema(FieldNode root)
    {
        Root = root;
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        Collect(root, "", paths);
        Paths = paths;
    }

    public FieldNode Root { get; }
    public IReadOnlySet<string> Paths { get; }

    public static MergeSchema For<T>() => For(typeof(T));

    public static MergeSchema For(Type type) => Cache.GetOrAdd(type, static t => new MergeSchema(FieldNode.Build(t, depth: 0)));

    /// <summary>Puts the model's fields into a Liquid context; every text value is escaped for Markdown so data can never become markup.</summary>
    public void Fill(TemplateContext context, object model)
    {
        foreach (var (name, member) in Root.Members)
            context.SetValue(name, Convert(member, member.Property!.GetValue(model)));
    }

    private static FluidValue Convert(FieldNode node, object? value)
    {
        if (value is null) return NilValue.Instance;
        switch (node.Kind)
        {
            case FieldKind.Object:
                var members = new Dictionary<string, FluidValue>(node.Members.Count, StringComparer.Ordinal);
                foreach (var (name, member) in node.Members)
                    members[name] = Convert(member, member.Property!.GetValue(value));
                return DictionaryValue.Create(new FluidValueDictionaryFluidIndexable(members));
            case FieldKind.List:
                var items = new List<FluidValue>();
                foreach (var item in (IEnumerable)value) items.Add(Convert(node.Element!, item));
                return ArrayValue.Create(items);
            default:
                return value switch
                {
                    string s => StringValue.Create(MarkdownText.Escape(s)),
                    Enum e => StringValue.Create(Kebab(e.ToString())),
                    bool b => BooleanValue.Create(b),
                    decimal m => NumberValue.Create(m),
                    int i => NumberValue.Create(i),
                    long l => NumberValue.Create(l),
                    double d => NumberValue.Create((decimal)d),
                    // A day is midnight UTC, so no time zone moves it to the day before.
                    DateOnly d => DateTimeValue.Create(new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)),
                    DateTimeOffset o => DateTimeValue.Create(o.ToUniversalTime()),
                    DateTime t => DateTimeValue.Create(new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc), TimeSpan.Zero)),
                    _ => StringValue.Create(MarkdownText.Escape(value.ToString() ?? "")),
                };
        }
    }

    private static void Collect(FieldNode node, string prefix, SortedSet<string> paths)
    {
        foreach (var (name, member) in node.Members)
        {
            var path = prefix.Length == 0 ? name : prefix + "." + name;
            paths.Add(path);
            if (member.Kind == FieldKind.Object) Collect(member, path, paths);
            else if (member.Kind == FieldKind.List && member.Element!.Kind == FieldKind.Object) Collect(member.Element, path + "[]", paths);
        }
    }

    internal static string Snake(string name) => Separate(name, '_');

    internal static string Kebab(string name) => Separate(name, '-');

    private static string Separate(string name, char separator)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
                    sb.Append(separator);
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}

internal enum FieldKind
{
    Text,
    Number,
    Money,
    Date,
    Boolean,
    Object,
    List,
}

internal sealed class FieldNode
{
    private static readonly Dictionary<string, FieldNode> NoMembers = [];

    public FieldKind Kind { get; private init; }
    public PropertyInfo? Property { get; private init; }
    public IReadOnlyDictionary<string, FieldNode> Members { get; private init; } = NoMembers;

    /// <summary>For a list: the shape of its items.</summary>
    public FieldNode? Element { get; private init; }

    public static FieldNode Build(Type type, int depth, PropertyInfo? property = null)
    {
        if (depth > 8) throw new InvalidOperationException($"Merge model nests too deeply at {type.Name}.");
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || type.IsEnum) return new FieldNode { Kind = FieldKind.Text, Property = property };
        if (type == typeof(decimal)) return new FieldNode { Kind = FieldKind.Money, Property = property };
        if (type == typeof(int) || type == typeof(long) || type == typeof(double)) return new FieldNode { Kind = FieldKind.Number, Property = property };
        if (type == typeof(bool)) return new FieldNode { Kind = FieldKind.Boolean, Property = property };
        if (type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset)) return new FieldNode { Kind = FieldKind.Date, Property = property };

        var enumerable = type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        if (enumerable is not null)
            return new FieldNode { Kind = FieldKind.List, Property = property, Element = Build(enumerable.GetGenericArguments()[0], depth + 1) };

        var members = new Dictionary<string, FieldNode>(StringComparer.Ordinal);
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.GetIndexParameters().Length > 0 || p.GetMethod is null) continue;
            members[MergeSchema.Snake(p.Name)] = Build(p.PropertyType, depth + 1, p);
        }
        return new FieldNode { Kind = FieldKind.Object, Property = property, Members = members };
    }
}
