using CommissioningPortal.Domain.Marketplace;
using Xunit;

namespace CommissioningPortal.Tests.Unit.Marketplace;

public sealed class CareInspectorateGradesTests
{
    [Fact]
    public void Grades_map_onto_the_key_questions_in_order_and_skip_the_ungraded()
    {
        var item = new PassportItem { Kind = PassportItemKind.CareInspectorateRegistration, Grades = [5, null, 3, null, 6] };

        Assert.Equal(3, item.GradeStaffTeam);
        Assert.Equal(
            ["How well do we support people's wellbeing?: 5 – Very good", "How good is our staff team?: 3 – Adequate", "How well is our care and support planned?: 6 – Excellent"],
            item.GradedQuestions.Select(g => $"{g.Question.Question}: {CareInspectorateGrades.GradeText(g.Grade)}"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public void A_grade_outside_one_to_six_is_refused_and_nothing_changes(int grade)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PassportItem { Grades = [5, grade, null, null, null] });
        var item = new PassportItem { Number = "CS1", Grades = [4, 4, 4, 4, 4] };
        Assert.Throws<ArgumentOutOfRangeException>(() => item.Amend("CS2", null, null, new CareInspectorateRegistration("Care home service", null, null, [5, grade, null, null, null]), null));
        Assert.Equal([4, 4, 4, 4, 4], item.Grades);
        Assert.Equal("CS1", item.Number);
        Assert.Null(item.CareServiceType);
    }

    [Fact]
    public void Every_grade_has_the_care_inspectorates_word()
    {
        Assert.Equal(["Unsatisfactory", "Weak", "Adequate", "Good", "Very good", "Excellent"],
            Enumerable.Range(1, 6).Select(CareInspectorateGrades.GradeName));
    }
}
