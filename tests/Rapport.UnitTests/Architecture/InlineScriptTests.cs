using System.Text.RegularExpressions;

namespace Rapport.UnitTests.Architecture;

/// <summary>
/// Pages run only Rapport's own script files (the Content-Security-Policy forbids anything else): no event-handler
/// attribute, no hx-on, no inline script block. Behaviour goes in wwwroot/js, wired by data- attributes.
/// </summary>
public sealed partial class InlineScriptTests
{
    [Fact]
    public void No_page_carries_inline_script()
    {
        var web = Path.Combine(RepositoryRoot(), "src", "Rapport.Web");
        var pages = Directory.EnumerateFiles(web, "*.cshtml", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .ToList();

        var found = pages.SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(l => Handler().IsMatch(l.line) || InlineScript().IsMatch(l.line))
            .Select(l => $"{Path.GetRelativePath(web, l.file)}:{l.number}: {l.line.Trim()}")
            .ToList();

        pages.Count.ShouldBeGreaterThan(50);
        found.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("""<select onchange="this.form.submit()">""", true)]
    [InlineData("""<form hx-on::after-request="reset()">""", true)]
    [InlineData("""<button onclick='go()'>""", true)]
    [InlineData("""<script>alert(1)</script>""", true)]
    [InlineData("""<select data-autosubmit>""", false)]
    [InlineData("""<script src="~/js/site.js"></script>""", false)]
    [InlineData("""<script type="application/json" id="data">{}</script>""", false)]
    public void The_scan_tells_inline_script_from_files_and_data(string line, bool inline) =>
        (Handler().IsMatch(line) || InlineScript().IsMatch(line)).ShouldBe(inline);

    [GeneratedRegex(@"\s(on[a-z]+|hx-on[:\w-]*)\s*=\s*[""']", RegexOptions.IgnoreCase)]
    private static partial Regex Handler();

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)(?![^>]*type=""application/json"")[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Rapport.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Rapport.slnx not found above the tests.");
    }
}
