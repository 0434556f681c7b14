namespace CommissioningPortal.Web.Features.Frameworks;

/// <summary><c>/frameworks/new</c>: a draft framework for the commissioner's authority (<see cref="CreateFramework"/>).</summary>
[Authorize(Policy = Policies.Commissioner)]
[OneTimeForm]
public sealed class NewModel(CreateFramework create) : PageModel
{
    [BindProperty] public string? Reference { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? StartsOn { get; set; }
    [BindProperty] public string? EndsOn { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await create.HandleAsync(new CreateFramework.Input(Reference, Title, Description, StartsOn, EndsOn), Actor.Of(User), ct);
        if (!result.Succeeded) return this.Refused(result);
        TempData["StatusMessage"] = $"Framework {result.Value!.Reference} created as a draft. Add its lots next.";
        return Redirect($"/frameworks/{result.Value.Id}");
    }
}
