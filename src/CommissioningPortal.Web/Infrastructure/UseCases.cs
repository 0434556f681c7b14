using System.Security.Claims;
using CommissioningPortal.Domain.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CommissioningPortal.Web.Infrastructure;

/// <summary>
/// Who makes a change: what a use case needs to know of the signed-in person (never the whole
/// <see cref="ClaimsPrincipal"/>), so a use case can be called from a page, a job or a test alike.
/// </summary>
public sealed record Actor(string? UserId, string Name, Guid? AuthorityId, Guid? ProviderId, bool IsAdministrator)
{
    public static Actor Of(ClaimsPrincipal user) =>
        new(user.FindFirstValue(ClaimTypes.NameIdentifier), user.DisplayNameOf(), user.AuthorityIdOf(), user.ProviderIdOf(), user.IsInRole(Roles.Administrator));

    /// <summary>Someone not signed in (the public suggesting a correction).</summary>
    public static Actor Anonymous { get; } = new(null, "", null, null, false);
}

/// <summary>A message about one field of a use case's input (its property name), or about the whole form (<see cref="Form"/>).</summary>
public sealed record FieldError(string Field, string Message)
{
    public const string Form = "";
}

public enum UseCaseOutcome
{
    Done,

    /// <summary>The input was refused: <see cref="UseCaseResult{T}.Errors"/> say why; nothing was saved.</summary>
    Invalid,

    /// <summary>What the input points at does not exist, or is not the actor's to change.</summary>
    NotFound,

    /// <summary>Someone else changed it first; <see cref="UseCaseResult{T}.Errors"/> say who; nothing was saved.</summary>
    Conflict,
}

/// <summary>What any use case answers: how it went and, when it did not, every message found (not only the first).</summary>
public interface IUseCaseResult
{
    UseCaseOutcome Outcome { get; }

    IReadOnlyList<FieldError> Errors { get; }
}

/// <summary>What a use case that makes nothing to show did: done, or why not, with a message per field.</summary>
public sealed record UseCaseResult(UseCaseOutcome Outcome, IReadOnlyList<FieldError> Errors) : IUseCaseResult
{
    public bool Succeeded => Outcome == UseCaseOutcome.Done;

    public static UseCaseResult Done { get; } = new(UseCaseOutcome.Done, []);

    public static UseCaseResult Invalid(IReadOnlyList<FieldError> errors) => new(UseCaseOutcome.Invalid, errors);

    public static UseCaseResult Invalid(string field, string message) => Invalid([new FieldError(field, message)]);
}

/// <summary>What a use case did: its value when done, or why not, with a message per field.</summary>
public sealed record UseCaseResult<T>(UseCaseOutcome Outcome, T? Value, IReadOnlyList<FieldError> Errors) : IUseCaseResult
{
    public bool Succeeded => Outcome == UseCaseOutcome.Done;

    public static UseCaseResult<T> Done(T value) => new(UseCaseOutcome.Done, value, []);

    public static UseCaseResult<T> Invalid(IReadOnlyList<FieldError> errors) => new(UseCaseOutcome.Invalid, default, errors);

    public static UseCaseResult<T> Invalid(string field, string message) => Invalid([new FieldError(field, message)]);

    public static UseCaseResult<T> NotFound() => new(UseCaseOutcome.NotFound, default, []);

    /// <summary>A conflict, with the message for the form and, when the use case knows it, what is stored now.</summary>
    public static UseCaseResult<T> Conflict(string message, T? current = default) => new(UseCaseOutcome.Conflict, current, [new FieldError(FieldError.Form, message)]);
}

/// <summary>Collects a use case's validation messages, in the order the fields are on the form.</summary>
public sealed class FieldErrors
{
    private readonly List<FieldError> _errors = [];

    public bool Any => _errors.Count > 0;

    public IReadOnlyList<FieldError> All => _errors;

    public void Add(string field, string message) => _errors.Add(new FieldError(field, message));

    /// <summary>Adds <paramref name="problem"/> for <paramref name="field"/> when there is one (the domain's "…Problem" answers).</summary>
    public bool Check(string field, string? problem)
    {
        if (problem is null) return true;
        Add(field, problem);
        return false;
    }

    public bool Has(string field) => _errors.Any(e => e.Field == field);

    public UseCaseResult<T> Invalid<T>() => UseCaseResult<T>.Invalid(_errors);
}

/// <summary>How a page answers a use case that did not succeed.</summary>
public static class UseCasePages
{
    /// <summary>
    /// Puts the result's messages on the fields they name (with the form's prefix, e.g. "Terms."),
    /// except on a field that already has one (from model binding, say): one message a field.
    /// </summary>
    public static void AddTo(this IUseCaseResult result, ModelStateDictionary state, string prefix = "")
    {
        foreach (var error in result.Errors)
        {
            var key = prefix + error.Field;
            if (state.TryGetValue(key, out var entry) && entry.Errors.Count > 0) continue;
            state.AddModelError(key, error.Message);
        }
    }

    /// <summary>
    /// The same page with the messages on their fields and what was typed kept, as 400 (refused) or
    /// 409 (someone else changed it first); 404 when there was nothing to change. Reload what the
    /// page shows before calling this.
    /// </summary>
    public static IActionResult Refused<T>(this PageModel page, UseCaseResult<T> result)
    {
        if (result.Outcome == UseCaseOutcome.NotFound) return page.NotFound();
        result.AddTo(page.ModelState);
        page.Response.StatusCode = result.Outcome == UseCaseOutcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return page.Page();
    }
}
