namespace CommissioningPortal.Domain.Marketplace;

/// <summary>
/// The Care Inspectorate's published view of a registered service: the service type it is
/// registered as, the client groups its registration covers, and the latest grade (1–6) for each key
/// question of the quality framework. Grades are public; a provider copies them from the latest
/// inspection report and a commissioner checks them with the registration.
/// </summary>
public static class CareInspectorateGrades
{
    /// <summary>The Care Inspectorate's registered service types an adult's support can be bought from.</summary>
    public static readonly IReadOnlyList<string> ServiceTypes =
    [
        "Support service – care at home",
        "Support service – other than care at home",
        "Housing support service",
        "Care home service",
        "Adult placement service",
        "Nurse agency",
        "Day care of children",
        "Child minding",
    ];

    /// <summary>The key questions of the quality framework that are graded, in the framework's order.</summary>
    public static readonly IReadOnlyList<KeyQuestion> KeyQuestions =
    [
        new(1, "How well do we support people's wellbeing?"),
        new(2, "How good is our leadership?"),
        new(3, "How good is our staff team?"),
        new(4, "How good is our setting?"),
        new(5, "How well is our care and support planned?"),
    ];

    public const int Lowest = 1;
    public const int Highest = 6;

    /// <summary>The word the Care Inspectorate gives each grade.</summary>
    public static string GradeName(int grade) => grade switch
    {
        1 => "Unsatisfactory",
        2 => "Weak",
        3 => "Adequate",
        4 => "Good",
        5 => "Very good",
        6 => "Excellent",
        _ => throw new ArgumentOutOfRangeException(nameof(grade), grade, "A grade runs from 1 to 6."),
    };

    /// <summary>"5 – Very good".</summary>
    public static string GradeText(int grade) => $"{grade} – {GradeName(grade)}";

    public static bool IsGrade(int grade) => grade is >= Lowest and <= Highest;
}

/// <summary>A graded key question of the Care Inspectorate's quality framework.</summary>
public sealed record KeyQuestion(int Number, string Question);
