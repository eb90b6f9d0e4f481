using System.Buffers.Text;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Rapport.Core.Common;

namespace Rapport.UnitTests.Common;

public class CursorTests
{
    [Fact]
    public void A_cursor_decodes_to_what_was_encoded()
    {
        // Sort keys come from the database: any well-formed text, including the separator itself.
        var key = Gen.OneOf(
                ArbMap.Default.ArbFor<string>().Generator.Where(IsWellFormed),
                Gen.Elements("", "\u001f", "a\u001fb", "Zoë Ångström", "2026-03-15T10:30:00.0000000Z", "🌷 tulips"))
            .Select(k => k ?? "");
        var cursors =
            from k in key
            from id in ArbMap.Default.ArbFor<Guid>().Generator
            select new Cursor(k, id);

        Prop.ForAll(cursors.ToArbitrary(), cursor =>
                Cursor.TryDecode(cursor.Encode(), out var decoded) && decoded == cursor)
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void An_encoded_cursor_is_safe_in_a_url()
    {
        var encoded = new Cursor("a/b+c?d=e&f", Guid.NewGuid()).Encode();

        encoded.ShouldAllBe(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_');
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void No_cursor_means_the_first_page(string? text)
    {
        Cursor.TryDecode(text, out var cursor).ShouldBeTrue();
        cursor.ShouldBeNull();
    }

    [Theory]
    [InlineData("not a cursor!")]
    [InlineData("A")]
    [InlineData("====")]
    [InlineData("abc*def")]
    public void Text_that_is_not_base64url_is_rejected(string text)
    {
        Cursor.TryDecode(text, out var cursor).ShouldBeFalse();
        cursor.ShouldBeNull();
    }

    [Theory]
    [InlineData("no separator")]
    [InlineData("key\u001fnot-a-guid")]
    [InlineData("key\u001f")]
    [InlineData("key\u001f3f2504e0-4f89-11d3-9a0c-0305e82c3301")]   // a Guid, but not in the encoded form
    [InlineData("key\u001f3f2504e04f8911d39a0c0305e82c3301\u001fmore")]
    public void A_well_encoded_text_that_is_not_a_cursor_is_rejected(string raw)
    {
        var text = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(raw));

        Cursor.TryDecode(text, out var cursor).ShouldBeFalse();
        cursor.ShouldBeNull();
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_rejected() =>
        Cursor.TryDecode(Base64Url.EncodeToString([0xff, 0xfe, 0x1f, 0x80]), out _).ShouldBeFalse();

    private static bool IsWellFormed(string? s)
    {
        if (s is null) return true;
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
            else if (char.IsSurrogate(s[i])) return false;
        }
        return true;
    }
}
