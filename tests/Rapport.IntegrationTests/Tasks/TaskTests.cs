using System.Net;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Tasks;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Tasks;

/// <summary>Tasks the process makes reach the right people, once, and are ticked off.</summary>
public sealed class TaskTests(RapportApp app) : IClassFixture<RapportApp>
{
    private async Task<StaffTask> AddAsync(string slug, string title, string? key = null, Guid? assignee = null) =>
        await app.WithDbAsync(await app.BusinessIdAsync(slug), async db =>
        {
            var task = new StaffTask
            {
                Title = title, Source = "test", SourceKey = key, AssigneeId = assignee,
                DueOn = DateOnly.FromDateTime(DateTime.UtcNow), CreatedAt = DateTime.UtcNow,
            };
            await StaffTasks.AddOnceAsync(db, task, Ct);
            await db.SaveChangesAsync(Ct);
            return task;
        });

    [Fact]
    public async Task An_unassigned_task_is_open_for_those_who_answer_customers_and_not_for_drivers()
    {
        var task = await AddAsync(DemoData.Bloom, TestNames.Unique("Call about Maria's birthday"));

        var open = await (await app.ClientAsync("service@bloom.example")).GetJsonAsync("/api/tasks?limit=50");
        open.EnumerateArray().Select(t => t.Id()).ShouldContain(task.Id);
        var driver = await (await app.ClientAsync("driver@bloom.example")).GetJsonAsync("/api/tasks");
        driver.EnumerateArray().Select(t => t.Id()).ShouldNotContain(task.Id);
        var otherBusiness = await (await app.ClientAsync("owner@harbor.example")).GetJsonAsync("/api/tasks");
        otherBusiness.EnumerateArray().Select(t => t.Id()).ShouldNotContain(task.Id);
    }

    [Fact]
    public async Task The_same_source_key_makes_one_task()
    {
        var key = TestNames.Key("occasion");
        await AddAsync(DemoData.Bloom, "First", key);
        await AddAsync(DemoData.Bloom, "Second", key);

        var count = await app.WithDbAsync(await app.BusinessIdAsync(DemoData.Bloom), db => db.StaffTasks.CountAsync(t => t.SourceKey == key, Ct));
        count.ShouldBe(1);
    }

    [Fact]
    public async Task Done_closes_the_task_for_everyone_and_another_business_cannot_touch_it()
    {
        var task = await AddAsync(DemoData.Bloom, TestNames.Unique("Choose an alternative"));

        (await (await app.ClientAsync("owner@harbor.example")).PostAsync($"/api/tasks/{task.Id}/done", null, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var done = await (await (await app.ClientAsync("sales@bloom.example")).PostAsync($"/api/tasks/{task.Id}/done", null, Ct))
            .ShouldBeJsonAsync(HttpStatusCode.OK);
        done.Str("doneByName").ShouldNotBeNullOrWhiteSpace();

        var open = await (await app.ClientAsync("service@bloom.example")).GetJsonAsync("/api/tasks?limit=50");
        open.EnumerateArray().Select(t => t.Id()).ShouldNotContain(task.Id);
    }

    [Fact]
    public async Task A_limit_out_of_range_is_422_naming_it() =>
        await (await (await app.ClientAsync("service@bloom.example")).GetAsync("/api/tasks?limit=0", Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "limit");
}
