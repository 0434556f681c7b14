using CommissioningPortal.Domain.People;

namespace CommissioningPortal.Web.Features.People;

/// <summary>Plain words for where a request stands.</summary>
public static class RequestText
{
    public static string Status(RequestStatus status) => status switch
    {
        RequestStatus.Open => "waiting for offers",
        RequestStatus.AwaitingApproval => "choice waiting for the council's approval",
        RequestStatus.Chosen => "chosen",
        _ => "choice declined: choose again",
    };
}
