namespace CommissioningPortal.Documents.Templates;

/// <summary>A problem in an agreement template: the 1-based line and what is wrong there.</summary>
public sealed record TemplateError(int Line, string Message)
{
    public override string ToString() => $"line {Line}: {Message}";
}

/// <summary>Thrown by <see cref="AgreementTemplate.Render"/> for a template that <see cref="AgreementTemplate.Validate"/> would refuse.</summary>
public sealed class AgreementTemplateException(IReadOnlyList<TemplateError> errors)
    : Exception("The agreement template is not valid: " + string.Join("; ", errors))
{
    public IReadOnlyList<TemplateError> Errors { get; } = errors;
}
