using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CommissioningPortal.Web.Infrastructure;

/// <summary>
/// One form question in the design system's markup: label, optional hint, the field's error
/// message (named, linked from the error summary), and the input keeping what the person typed
/// (never for passwords). <c>&lt;portal-field for="Email" label="E-mail address" type="email" /&gt;</c>;
/// <c>type="textarea"</c> and <c>type="select"</c> (with <c>options</c>) too.
/// </summary>
[HtmlTargetElement("portal-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper : TagHelper
{
    [HtmlAttributeName("for")] public ModelExpression For { get; set; } = null!;
    public string Label { get; set; } = "";
    public string? Hint { get; set; }
    public string Type { get; set; } = "text";
    public string? Autocomplete { get; set; }
    public string? Inputmode { get; set; }

    /// <summary>Rows for a textarea (type="textarea").</summary>
    public int Rows { get; set; } = 8;

    /// <summary>For type="select": the choices as value and text.</summary>
    public IEnumerable<(string Value, string Text)>? Options { get; set; }

    /// <summary>For type="select": the text of a first choice with an empty value, e.g. "Choose one".</summary>
    public string? EmptyOption { get; set; }

    /// <summary>Extra classes for the input, e.g. "ds_input--fixed-10".</summary>
    public string? InputClass { get; set; }

    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name); // "Terms.WeeklyBudget" inside a partial rendered for="Terms"
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var enc = HtmlEncoder.Default;
        var errors = ViewContext.ModelState.TryGetValue(name, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];
        var hasError = errors.Count > 0;
        var attempted = entry?.AttemptedValue;
        var value = Type == "password" ? "" : attempted ?? For.Model?.ToString() ?? "";

        var describedBy = new List<string>();
        if (Hint is not null) describedBy.Add(id + "-hint");
        if (hasError) describedBy.Add(id + "-error");

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", hasError ? "ds_question ds_question--error" : "ds_question");

        var html = new System.Text.StringBuilder();
        html.Append($"<label class=\"ds_label\" for=\"{id}\">{enc.Encode(Label)}</label>");
        if (Hint is not null) html.Append($"<p class=\"ds_hint-text\" id=\"{id}-hint\">{enc.Encode(Hint)}</p>");
        if (hasError) html.Append($"<p class=\"ds_question__error-message\" id=\"{id}-error\">{enc.Encode(string.Join(" ", errors))}</p>");

        var attributes = $" id=\"{id}\" name=\"{enc.Encode(name)}\"" +
                         (describedBy.Count > 0 ? $" aria-describedby=\"{string.Join(' ', describedBy)}\"" : "") +
                         (hasError ? " aria-invalid=\"true\"" : "") +
                         (Autocomplete is not null ? $" autocomplete=\"{enc.Encode(Autocomplete)}\"" : "") +
                         (Inputmode is not null ? $" inputmode=\"{enc.Encode(Inputmode)}\"" : "");
        if (Type == "textarea")
        {
            html.Append($"<textarea class=\"ds_input{(hasError ? " ds_input--error" : "")} {InputClass}\" rows=\"{Rows}\"{attributes}>{enc.Encode(value)}</textarea>");
        }
        else if (Type == "select")
        {
            html.Append($"<div class=\"ds_select-wrapper\"><select class=\"ds_select{(hasError ? " ds_input--error" : "")} {InputClass}\"{attributes}>");
            var choices = Options ?? [];
            if (EmptyOption is not null) choices = choices.Prepend(("", EmptyOption));
            foreach (var (optionValue, text) in choices)
                html.Append($"<option value=\"{enc.Encode(optionValue)}\"{(string.Equals(optionValue, value, StringComparison.OrdinalIgnoreCase) ? " selected" : "")}>{enc.Encode(text)}</option>");
            html.Append("</select><span class=\"ds_select-arrow\" aria-hidden=\"true\"></span></div>");
        }
        else
        {
            html.Append($"<input class=\"ds_input{(hasError ? " ds_input--error" : "")} {InputClass}\" type=\"{enc.Encode(Type)}\" value=\"{enc.Encode(value)}\"{attributes} />");
        }
        output.Content.SetHtmlContent(html.ToString());
    }
}
