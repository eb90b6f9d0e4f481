using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Data;
using Rapport.Core.Scheduling;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Scheduling;

/// <summary>A job runs on exactly one process: the lease is taken by one conditional statement.</summary>
public sealed class JobLeaseTests(RapportApp app) : IClassFixture<RapportApp>
{
    private WriteGate Gate => app.Services.GetRequiredService<WriteGate>();

    [Fact]
    public async Task On_sqlite_a_lease_waits_for_a_writer_in_the_gate_instead_of_failing_on_the_lock()
    {
        var job = TestNames.Key("queued");
        var released = false;
        Task<bool> asking;
        await using (var db = app.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<RapportDb>())
        using (await Gate.EnterAsync(db, Ct))
        {
            asking = app.WithDbAsync(other => JobLeases.TryAcquireAsync(other, Gate, job, "queued", TimeSpan.FromMinutes(5), TimeProvider.System, Ct));
            await Task.Delay(300, Ct);
            // SQLite has one writer: the job waits in the same queue as the orders. PostgreSQL lets writers through together.
            if (db.Database.IsSqlite()) asking.IsCompleted.ShouldBeFalse();
            released = true;
        }

        (await asking).ShouldBeTrue();
        released.ShouldBeTrue();
    }

    [Fact]
    public async Task Of_twenty_processes_asking_at_once_exactly_one_gets_the_lease()
    {
        var job = TestNames.Key("race");
        var attempts = Enumerable.Range(0, 20).Select(i => app.WithDbAsync(db =>
            JobLeases.TryAcquireAsync(db, Gate, job, $"process-{i}", TimeSpan.FromMinutes(5), TimeProvider.System, Ct)));

        var won = await Task.WhenAll(attempts);

        won.Count(w => w).ShouldBe(1);
        (await app.WithDbAsync(db => db.JobLeases.CountAsync(l => l.Name == job, Ct))).ShouldBe(1);
    }

    [Fact]
    public async Task After_a_run_nobody_runs_the_job_again_until_it_is_due()
    {
        var job = TestNames.Key("period");
        var now = DateTime.UtcNow;
        (await app.WithDbAsync(db => JobLeases.TryAcquireAsync(db, Gate, job, "a", TimeSpan.FromMinutes(5), TimeProvider.System, Ct))).ShouldBeTrue();
        await app.WithDbAsync(async db => { await JobLeases.ReleaseAsync(db, Gate, job, "a", now.AddMinutes(10), null, TimeProvider.System, Ct); return 0; });

        (await app.WithDbAsync(db => JobLeases.TryAcquireAsync(db, Gate, job, "b", TimeSpan.FromMinutes(5), TimeProvider.System, Ct))).ShouldBeFalse();
        (await app.WithDbAsync(db => JobLeases.TryAcquireAsync(db, Gate, job, "a", TimeSpan.FromMinutes(5), TimeProvider.System, Ct))).ShouldBeFalse();

        var lease = await app.WithDbAsync(db => db.JobLeases.AsNoTracking().SingleAsync(l => l.Name == job, Ct));
        lease.NextRunAt.ShouldBe(now.AddMinutes(10), TimeSpan.FromSeconds(1));
        lease.LastRunAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_lease_held_by_a_process_that_died_is_taken_over_when_it_runs_out()
    {
        var job = TestNames.Key("crash");
        (await app.WithDbAsync(db => JobLeases.TryAcquireAsync(db, Gate, job, "dead", TimeSpan.FromMilliseconds(300), TimeProvider.System, Ct))).ShouldBeTrue();

        (await app.WithDbAsync(db => JobLeases.TryAcquireAsync(db, Gate, job, "alive", TimeSpan.FromMinutes(5), TimeProvider.System, Ct))).ShouldBeFalse();
        await Task.Delay(600, Ct);
        (await app.WithDbAsync(db => JobLeases.TryAcquireAsync(db, Gate, job, "alive", TimeSpan.FromMinutes(5), TimeProvider.System, Ct))).ShouldBeTrue();

        // The dead holder cannot move the next run of a lease it lost.
        await app.WithDbAsync(async db => { await JobLeases.ReleaseAsync(db, Gate, job, "dead", DateTime.UtcNow.AddDays(1), null, TimeProvider.System, Ct); return 0; });
        (await app.WithDbAsync(db => db.JobLeases.AsNoTracking().SingleAsync(l => l.Name == job, Ct))).Holder.ShouldBe("alive");
    }
}
