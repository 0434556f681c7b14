using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CommissioningPortal.Web.Infrastructure;

/// <summary>A problem with one field of a use case's input, in words for the person who typed it.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>
/// What a use case answers: done, or the field errors that stopped it (every one found, not only
/// the first). Page models copy the errors into <c>ModelState</c> with <see cref="UseCaseResults.AddTo"/>.
/// </summary>
public class UseCaseResult
{
    protected UseCaseResult(IReadOnlyList<FieldError> errors) => Errors = errors;

    public IReadOnlyList<FieldError> Errors { get; }
    public bool Succeeded => Errors.Count == 0;

    public static readonly UseCaseResult Done = new([]);

    public static UseCaseResult Failed(IReadOnlyList<FieldError> errors) => new(errors);

    public static UseCaseResult Failed(string field, string message) => new([new FieldError(field, message)]);
}

/// <summary>A use case's answer with a value when it succeeded (the thing it created, say).</summary>
public sealed class UseCaseResult<T> : UseCaseResult
{
    private UseCaseResult(T? value, IReadOnlyList<FieldError> errors) : base(errors) => Value = value;

    public T? Value { get; }

    public static UseCaseResult<T> Ok(T value) => new(value, []);

    public static new UseCaseResult<T> Failed(IReadOnlyList<FieldError> errors) => new(default, errors);

    public static new UseCaseResult<T> Failed(string field, string message) => new(default, [new FieldError(field, message)]);
}

public static class UseCaseResults
{
    /// <summary>
    /// Copies the errors into ModelState, each under its field (with the form's prefix, e.g. "Terms."),
    /// except on a field that already has one (from model binding, say): one message a field.
    /// </summary>
    public static void AddTo(this UseCaseResult result, ModelStateDictionary modelState, string prefix = "")
    {
        foreach (var error in result.Errors)
        {
            var key = prefix + error.Field;
            if (modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0) continue;
            modelState.AddModelError(key, error.Message);
        }
    }
}
