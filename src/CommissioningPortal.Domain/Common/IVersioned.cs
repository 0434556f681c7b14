namespace CommissioningPortal.Domain.Common;

/// <summary>
/// An aggregate two people can edit at once. <see cref="Version"/> is the optimistic-concurrency
/// token: the data layer increments it on every save and refuses a save made from a stale copy.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
