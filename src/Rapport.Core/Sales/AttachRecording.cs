using System.Text;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Businesses;
using Rapport.Core.Common;
using Rapport.Core.Data;

namespace Rapport.Core.Sales;

/// <summary>
/// Attaches the recording of a call or meeting: an audio file of an allowed format (read from its content), within the
/// size limit, kept by the <see cref="RecordingStore"/>. A new recording replaces the old one.
/// </summary>
public static class AttachRecording
{
    /// <param name="Content">The file's bytes; read once.</param>
    /// <param name="Length">Its length as uploaded.</param>
    public sealed record Command(string? FileName, long Length, Stream Content);

    public static async Task<Result<MeetingView>> HandleAsync(
        RapportDb db, Actor actor, Guid meetingId, Command c, RecordingStore store, TimeProvider time, CancellationToken ct)
    {
        var meeting = await MeetingAccess.FindAsync(db, actor, meetingId, ct);
        if (meeting is null) return Failure.NotFound("Meeting");
        if (c.Length <= 0) return Failure.Invalid("file", "Attach an audio file (mp3, ogg, wav, webm or m4a).");
        if (c.Length > store.MaxBytes) return Failure.Invalid("file", $"At most {store.MaxBytes / (1024 * 1024)} MB.");

        var head = new byte[AudioFormat.HeaderLength];
        var read = await c.Content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        var format = AudioFormat.Detect(head.AsSpan(0, read));
        if (format is null) return Failure.Invalid("file", "Not an audio file: upload an mp3, ogg, wav, webm or m4a recording.");

        // What was read to check the format goes first, then the rest.
        using var whole = new PrefixedStream(head.AsMemory(0, read), c.Content);
        var stored = await store.SaveAsync(db.CurrentBusinessId, whole, format.Extension, ct);
        var length = new FileInfo(store.PathOf(db.CurrentBusinessId, stored)).Length;
        if (length > store.MaxBytes)
        {
            store.Delete(db.CurrentBusinessId, stored);
            return Failure.Invalid("file", $"At most {store.MaxBytes / (1024 * 1024)} MB.");
        }
        var previous = meeting.Recording?.StoredName;
        meeting.Recording = new MeetingRecording
        {
            StoredName = stored, FileName = CleanName(c.FileName, format), ContentType = format.ContentType, Length = length,
            UploadedAt = time.GetUtcNow().UtcDateTime, UploadedById = actor.StaffId,
        };
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            store.Delete(db.CurrentBusinessId, stored);
            throw;
        }
        if (previous is not null) store.Delete(db.CurrentBusinessId, previous);
        var people = await db.Stakeholders.AsNoTracking().Where(s => s.CustomerId == meeting.CustomerId).ToDictionaryAsync(s => s.Id, ct);
        return MeetingView.Of(meeting, people);
    }

    /// <summary>The recording's file, if the actor may hear it.</summary>
    public static async Task<Result<(MeetingRecording Recording, string Path)>> OpenAsync(RapportDb db, Actor actor, Guid meetingId, RecordingStore store, CancellationToken ct)
    {
        var meeting = await MeetingAccess.FindAsync(db, actor, meetingId, ct);
        if (meeting?.Recording is not { } recording) return Failure.NotFound("Recording");
        var path = store.PathOf(db.CurrentBusinessId, recording.StoredName);
        return File.Exists(path) ? (recording, path) : Failure.NotFound("Recording");
    }

    // A download name of plain characters with the extension of what the file really is.
    private static string CleanName(string? name, AudioFormat.Format format)
    {
        var stem = Path.GetFileNameWithoutExtension(name ?? "");
        var safe = new StringBuilder();
        foreach (var ch in stem) if (char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or ' ' or '.') safe.Append(ch);
        var clean = safe.ToString().Trim(' ', '.');
        if (clean.Length == 0) clean = "recording";
        if (clean.Length > 100) clean = clean[..100];
        return clean + format.Extension;
    }

    private sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : Stream
    {
        private int position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (position < prefix.Length)
            {
                var n = Math.Min(buffer.Length, prefix.Length - position);
                prefix.Span.Slice(position, n).CopyTo(buffer);
                position += n;
                return n;
            }
            return rest.Read(buffer);
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (position < prefix.Length)
            {
                var n = Math.Min(buffer.Length, prefix.Length - position);
                prefix.Slice(position, n).CopyTo(buffer);
                position += n;
                return n;
            }
            return await rest.ReadAsync(buffer, cancellationToken);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}
