namespace CommissioningPortal.Domain.People;

/// <summary>
/// One read of a person's record: who, in what role, when, and what they read. Person data is
/// special-category health data, so every read is written down and the person can see the list.
/// </summary>
public sealed class PersonRecordRead
{
    public const int MaxWhatLength = 200;

    private PersonRecordRead()
    {
    }

    public PersonRecordRead(Guid supportedPersonId, string? readerUserId, string readerName, string readerRole, string what, DateTimeOffset at)
    {
        SupportedPersonId = supportedPersonId;
        ReaderUserId = readerUserId;
        ReaderName = readerName;
        ReaderRole = readerRole;
        What = what.Length > MaxWhatLength ? what[..MaxWhatLength] : what;
        At = at;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid SupportedPersonId { get; private set; }
    public string? ReaderUserId { get; private set; }
    public string ReaderName { get; private set; } = "";
    public string ReaderRole { get; private set; } = "";
    public string What { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
}
