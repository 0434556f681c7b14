using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CommissioningPortal.Web.Features.Requests;

/// <summary>A number or choice the browser sent that could not be read: the portal's own message for its field, instead of the framework's.</summary>
public static class FormNumbers
{
    public static IReadOnlyList<FieldError> Messages(ModelStateDictionary state)
    {
        var errors = new List<FieldError>();
        foreach (var (key, entry) in state.Where(e => e.Value is { Errors.Count: > 0 }).ToList())
        {
            entry!.Errors.Clear(); // keeps what was typed; the portal's message replaces the framework's
            errors.Add(new FieldError(key, $"Enter {Words(key)} as a number, like 12.50, or choose from the list"));
        }
        return errors;
    }

    private static string Words(string key) => string.Concat(key.Split('.')[^1].Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
