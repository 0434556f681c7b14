using CommissioningPortal.Domain.Common;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CommissioningPortal.Web.Infrastructure;

/// <summary>
/// Numbers bound from forms are read as <see cref="FormInput.TryParseNumber"/> reads them — the
/// framework's own binders take "1,5" as fifteen (commas anywhere), "1e3" as a thousand and, for whole
/// numbers, "0x10" as sixteen. Refused input gets a message showing the form expected.
/// </summary>
internal sealed class PlainNumberBinderProvider : IModelBinderProvider
{
    private static readonly HashSet<Type> Numbers = [typeof(decimal), typeof(double), typeof(float), typeof(int), typeof(long), typeof(short)];

    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        return Numbers.Contains(type) ? new PlainNumberBinder(type) : null;
    }

    private sealed class PlainNumberBinder(Type type) : IModelBinder
    {
        private bool Whole => type == typeof(int) || type == typeof(long) || type == typeof(short);

        public Task BindModelAsync(ModelBindingContext context)
        {
            var result = context.ValueProvider.GetValue(context.ModelName);
            if (result == ValueProviderResult.None) return Task.CompletedTask;
            context.ModelState.SetModelValue(context.ModelName, result);
            var typed = result.FirstValue;
            var what = "the " + PortalApplication.FieldWords(context.ModelMetadata.PropertyName ?? context.ModelMetadata.Name ?? context.ModelName);
            if (string.IsNullOrWhiteSpace(typed))
            {
                if (context.ModelMetadata.IsReferenceOrNullableType) context.Result = ModelBindingResult.Success(null);
                else context.ModelState.TryAddModelError(context.ModelName, $"Enter {what}");
                return Task.CompletedTask;
            }
            if (!FormInput.TryParseNumber(typed, out var number) || (Whole && decimal.Truncate(number) != number))
            {
                context.ModelState.TryAddModelError(context.ModelName, Whole ? $"Enter {what} as a whole number, like 4" : FormInput.NumberProblem(what, typed));
                return Task.CompletedTask;
            }
            try
            {
                // Each branch boxed on its own: a plain ?: chain would give every branch one type (double).
                object value = type == typeof(decimal) ? number
                    : type == typeof(double) ? (object)(double)number
                    : type == typeof(float) ? (object)(float)number
                    : type == typeof(int) ? (object)checked((int)number)
                    : type == typeof(long) ? (object)checked((long)number)
                    : (object)checked((short)number);
                context.Result = ModelBindingResult.Success(value);
            }
            catch (OverflowException)
            {
                context.ModelState.TryAddModelError(context.ModelName, $"{char.ToUpperInvariant(what[0])}{what[1..]} is too large");
            }
            return Task.CompletedTask;
        }
    }
}

/// <summary>
/// Any bound text holding a control character other than tab and line breaks (a NUL, say, which
/// PostgreSQL cannot store) gets a message on its field before the handler runs. Use cases check
/// their own input too; this gives every page the same field message.
/// </summary>
internal sealed class UnwantedCharacterFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var refused = new List<(string Key, string Message)>();
        foreach (var (key, entry) in context.ModelState)
        {
            var values = entry.RawValue switch { string one => [one], string[] many => many, _ => Array.Empty<string>() };
            if (entry.Errors.Count == 0 && values.Select(v => PlainText.ParagraphsProblem($"The {FieldOf(key)}", v)).FirstOrDefault(p => p is not null) is { } problem)
            {
                refused.Add((key, problem));
            }
        }
        foreach (var (key, message) in refused) context.ModelState.AddModelError(key, message);
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }

    /// <summary>"Terms.Outcomes" → "outcomes"; "Grades[2]" → "grades".</summary>
    private static string FieldOf(string key)
    {
        var last = key[(key.LastIndexOf('.') + 1)..];
        var bracket = last.IndexOf('[');
        return PortalApplication.FieldWords(bracket >= 0 ? last[..bracket] : last);
    }
}

/// <summary>
/// ASP.NET Core refuses a whole url-encoded form when any value holds an encoded NUL ("%00"): the
/// person would get the generic "something was not right" page, with nothing they typed kept. This
/// turns each NUL into U+FFFD (shown as �, the sign for a character that could not be read) before
/// anything reads the form, so the page answers as for any other mistake: its own form, what was
/// typed with a visible mark where the NUL was, and a message on the field (every check of text
/// refuses U+FFFD, see <see cref="PlainText"/>). Other bytes of the body are left exactly as sent.
/// </summary>
public static class NulInForms
{
    /// <summary>Forms larger than this are left alone (nobody types that much; the framework's limits apply).</summary>
    private const long MaxBytes = 1024 * 1024;

    public static IApplicationBuilder UseNulInForms(this IApplicationBuilder app) => app.Use(static async (context, next) =>
    {
        var request = context.Request;
        if (HttpMethods.IsPost(request.Method) && request.ContentLength is > 0 and <= MaxBytes &&
            request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            var buffer = new MemoryStream();
            context.Response.RegisterForDispose(buffer);
            await request.Body.CopyToAsync(buffer, context.RequestAborted);
            buffer.Position = 0;
            request.Body = buffer; // read again by the form reader
            // Latin-1 maps each byte to one char and back, so nothing else in the body changes.
            var body = System.Text.Encoding.Latin1.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            if (body.Contains("%00", StringComparison.Ordinal) || body.Contains('\0'))
            {
                var bytes = System.Text.Encoding.Latin1.GetBytes(body.Replace("%00", Unreadable, StringComparison.Ordinal).Replace("\0", Unreadable, StringComparison.Ordinal));
                request.Body = new MemoryStream(bytes);
                request.ContentLength = bytes.Length;
            }
        }
        await next(context);
    });

    /// <summary>U+FFFD, url-encoded as UTF-8.</summary>
    private const string Unreadable = "%EF%BF%BD";
}
