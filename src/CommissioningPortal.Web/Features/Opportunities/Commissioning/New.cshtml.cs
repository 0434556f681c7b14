namespace CommissioningPortal.Web.Features.Opportunities.Commissioning;

/// <summary><c>/authority/{authority}/opportunities/new</c>: a draft opportunity (<see cref="CreateOpportunityDraft"/>).</summary>
[Authorize(Policy = Policies.AuthorityCommissioner)]
[OneTimeForm]
public sealed class NewModel(CreateOpportunityDraft create, OpportunityFormReader reader) : PageModel, IOpportunityFormPage
{
    [BindProperty] public OpportunityForm Form { get; set; } = OpportunityForm.Blank();
    public OpportunityFormReader.Choices Choices { get; private set; } = null!;
    [FromRoute] public string Authority { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.AuthorityIdOf() is not { } authorityId) return NotFound();
        Choices = await reader.ChoicesAsync(authorityId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await create.HandleAsync(Form, Actor.Of(User), ct);
        if (result.Succeeded)
        {
            TempData["StatusMessage"] = "Draft saved. Add its lots and documents, then preview and publish it.";
            return Redirect($"/authority/{Authority}/opportunities/{result.Value!.Id}");
        }
        if (User.AuthorityIdOf() is not { } authorityId) return NotFound();
        Choices = await reader.ChoicesAsync(authorityId, ct);
        return this.RefusedForm(result);
    }
}
