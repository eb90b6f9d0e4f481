using System.Text;
using Rapport.Core.Sales;

namespace Rapport.UnitTests.Sales;

/// <summary>Recordings are recognised by their first bytes, never by their name.</summary>
public class AudioFormatTests
{
    private static byte[] Head(string ascii, int length = 16)
    {
        var bytes = new byte[length];
        Encoding.ASCII.GetBytes(ascii).CopyTo(bytes, 0);
        return bytes;
    }

    [Fact]
    public void The_allowed_formats_are_recognised()
    {
        AudioFormat.Detect(Head("ID3\u0004")).ShouldBe(AudioFormat.Mp3);
        AudioFormat.Detect([0xFF, 0xFB, 0x90, 0x64, 0, 0, 0, 0, 0, 0, 0, 0]).ShouldBe(AudioFormat.Mp3);
        AudioFormat.Detect(Head("OggS")).ShouldBe(AudioFormat.Ogg);
        AudioFormat.Detect(Head("RIFF\0\0\0\0WAVEfmt ")).ShouldBe(AudioFormat.Wav);
        AudioFormat.Detect([0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0, 0, 0]).ShouldBe(AudioFormat.WebM);
        AudioFormat.Detect(Head("\0\0\0\u0020ftypM4A ")).ShouldBe(AudioFormat.M4a);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html>")]
    [InlineData("<html><script>")]
    [InlineData("%PDF-1.7 ")]
    [InlineData("RIFF\0\0\0\0AVI LIST")]
    [InlineData("\0\0\0\u0020ftypqt  ")]
    [InlineData("")]
    public void Anything_else_is_not_audio(string head) =>
        AudioFormat.Detect(Encoding.ASCII.GetBytes(head)).ShouldBeNull();

    [Fact]
    public void An_mpeg_frame_of_another_layer_is_not_taken_for_mp3() =>
        AudioFormat.Detect([0xFF, 0xF1, 0x50, 0x80, 0, 0, 0, 0, 0, 0, 0, 0]).ShouldBeNull();

    [Theory]
    [InlineData(120000, 37000, 38.9)]
    [InlineData(74000, 37000, 24.0)]
    public void Payback_is_the_price_over_the_monthly_return(decimal price, decimal annual, decimal months) =>
        Quote.Payback(price, annual).ShouldBe(months);

    [Fact]
    public void No_return_means_no_payback() => Quote.Payback(1000m, 0m).ShouldBeNull();
}
