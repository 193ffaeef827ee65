using Rampart.Core.Findings;
using Rampart.Core.Versions;

namespace Rampart.Core.Tests.Versions;

public sealed class MemoizedSchemeTests
{
    [Fact]
    public void Parse_SameTextTwice_ParsesOnceAndOrdersAsInner()
    {
        var counting = new CountingScheme();
        var memo = new MemoizedScheme(counting);

        var first = memo.Parse("1.0a1");
        var second = memo.Parse("1.0a1");
        memo.Parse("not a version");
        memo.Parse("not a version");

        Assert.Same(first, second);
        Assert.Equal(2, counting.Calls); // one per distinct text, unreadable ones included
        Assert.True(first!.CompareTo(memo.Parse("1.0")) < 0, "PEP 440: 1.0a1 < 1.0, as the inner scheme says");
    }

    [Fact]
    public void ReportFormatNames_OsvRecords_IsNotAnImportableFormat()
    {
        // OSV scans are made by `rampart osv`, never read from a file with --format.
        Assert.DoesNotContain("osv-records", ReportFormatNames.All);
        Assert.False(ReportFormatNames.TryParse("osv-records", out _));
        Assert.False(ReportFormatNames.TryParse("OsvRecords", out _));
        Assert.True(ReportFormatNames.TryParse("osv-scanner", out var scanner) && scanner == ReportFormat.OsvScanner);
    }

    private sealed class CountingScheme : IVersionScheme
    {
        public int Calls { get; private set; }

        public string Name => "counting PEP 440";

        public IComparable? Parse(string text)
        {
            Calls++;
            return Pep440Scheme.Instance.Parse(text);
        }
    }
}
