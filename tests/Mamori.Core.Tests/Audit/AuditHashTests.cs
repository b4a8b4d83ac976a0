using Mamori.Audit;
using Xunit;

namespace Mamori.Core.Tests.Audit;

public sealed class AuditHashTests
{
    private static AuditEntry Sample() => new()
    {
        Sequence = 42,
        OccurredAt = new DateTimeOffset(2026, 11, 27, 9, 30, 15, 123, TimeSpan.Zero),
        Actor = "staff:3f2504e0-4f89-11d3-9a0c-0305e82c3301",
        Action = "person.read",
        Outcome = "allowed",
        Purpose = "agency.identity_check",
        PersonId = Guid.Parse("0b9f3c1e-8d2a-4e5b-9c7d-1a2b3c4d5e6f"),
        DeviceId = null,
        Target = null,
        Categories = "contact.name,contact.phone",
        Reasons = "allowed",
        PreviousHash = AuditHash.Genesis,
    };

    /// <summary>Pins the canonical form: changing it would make every stored chain unverifiable.</summary>
    [Fact]
    public void The_canonical_form_is_stable()
    {
        Assert.Equal(new string('0', 64), AuditHash.Genesis);
        // Recomputed independently from the documented form (a few lines of Python), not copied from the code.
        Assert.Equal("2f9ef767fb948059c851f6cebd0c0a215596c8de98f6028f23423ebb119d1e9d", AuditHash.Compute(Sample()));
    }

    public static TheoryData<string> Fields => new()
    {
        "PreviousHash", "Sequence", "OccurredAt", "Actor", "Action", "Outcome", "Purpose", "PersonId", "DeviceId", "Target",
        "Categories", "Reasons",
    };

    [Theory]
    [MemberData(nameof(Fields))]
    public void Every_field_is_covered(string field)
    {
        var changed = Sample();
        switch (field)
        {
            case "PreviousHash": changed.PreviousHash = new string('1', 64); break;
            case "Sequence": changed.Sequence++; break;
            case "OccurredAt": changed.OccurredAt = changed.OccurredAt.AddMilliseconds(1); break;
            case "Actor": changed.Actor = "system"; break;
            case "Action": changed.Action = "person.write"; break;
            case "Outcome": changed.Outcome = "denied"; break;
            case "Purpose": changed.Purpose = null; break;
            case "PersonId": changed.PersonId = Guid.Empty; break;
            case "DeviceId": changed.DeviceId = "dev-1"; break;
            case "Target": changed.Target = ""; break;
            case "Categories": changed.Categories = "contact.name"; break;
            case "Reasons": changed.Reasons = ""; break;
        }
        Assert.NotEqual(AuditHash.Compute(Sample()), AuditHash.Compute(changed));
    }

    [Fact]
    public void Moving_text_between_fields_changes_the_hash()
    {
        var a = Sample();
        a.Action = "person.read";
        a.Outcome = "allowed";
        var b = Sample();
        b.Action = "person.rea";
        b.Outcome = "dallowed";
        Assert.NotEqual(AuditHash.Compute(a), AuditHash.Compute(b));
    }

    [Fact]
    public void Instants_are_kept_to_whole_milliseconds_in_utc()
    {
        var local = new DateTimeOffset(2026, 11, 27, 18, 0, 0, 999, TimeSpan.FromHours(9)).AddTicks(9_999);
        var truncated = AuditHash.Truncate(local);
        Assert.Equal(TimeSpan.Zero, truncated.Offset);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 9, 0, 0, 999, TimeSpan.Zero), truncated);
    }
}
