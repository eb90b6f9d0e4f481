using System.Linq.Expressions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Rapport.Core.Audit;
using Rapport.Core.Businesses;
using Rapport.Core.Catalog;
using Rapport.Core.Concessions;
using Rapport.Core.Customers;
using Rapport.Core.Delivery;
using Rapport.Core.Health;
using Rapport.Core.Notifications;
using Rapport.Core.Occasions;
using Rapport.Core.Orders;
using Rapport.Core.Sales;
using Rapport.Core.Scheduling;
using Rapport.Core.Shop;
using Rapport.Core.Tasks;
using Rapport.Core.Timeline;
using Rapport.Core.Touches;

namespace Rapport.Core.Data;

public sealed class RapportDb(DbContextOptions<RapportDb> options, Tenant tenant)
    : IdentityUserContext<StaffMember, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>The business every query is filtered to; <see cref="Guid.Empty"/> matches nothing.</summary>
    public Guid CurrentBusinessId => tenant.BusinessId;

    public DbSet<Business> Businesses => Set<Business>();
    public DbSet<StaffMember> Staff => Set<StaffMember>();
    public DbSet<StaffSession> StaffSessions => Set<StaffSession>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<ContactPoint> ContactPoints => Set<ContactPoint>();
    public DbSet<CustomerAddress> CustomerAddresses => Set<CustomerAddress>();
    public DbSet<Recipient> Recipients => Set<Recipient>();
    public DbSet<PaymentMethod> PaymentMethods => Set<PaymentMethod>();
    public DbSet<Stakeholder> Stakeholders => Set<Stakeholder>();
    public DbSet<Interaction> Interactions => Set<Interaction>();
    public DbSet<DeliveryStop> DeliveryStops => Set<DeliveryStop>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Location> Locations => Set<Location>();
    public DbSet<DeliveryZone> DeliveryZones => Set<DeliveryZone>();
    public DbSet<WindowTemplate> WindowTemplates => Set<WindowTemplate>();
    public DbSet<DeliveryWindow> DeliveryWindows => Set<DeliveryWindow>();
    public DbSet<BlockedDate> BlockedDates => Set<BlockedDate>();
    public DbSet<Partner> Partners => Set<Partner>();
    public DbSet<PartnerDay> PartnerDays => Set<PartnerDay>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<OrderLine> OrderLines => Set<OrderLine>();
    public DbSet<OrderStatusChange> OrderStatusChanges => Set<OrderStatusChange>();
    public DbSet<TurnedAway> TurnedAway => Set<TurnedAway>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<OrderNumberBlock> OrderNumberBlocks => Set<OrderNumberBlock>();
    public DbSet<ShopAccount> ShopAccounts => Set<ShopAccount>();
    public DbSet<Playbook> Playbooks => Set<Playbook>();
    public DbSet<PlaybookVersion> PlaybookVersions => Set<PlaybookVersion>();
    public DbSet<Deal> Deals => Set<Deal>();
    public DbSet<DealAnswer> DealAnswers => Set<DealAnswer>();
    public DbSet<DealStakeholder> DealCommittee => Set<DealStakeholder>();
    public DbSet<DealEvidence> DealEvidence => Set<DealEvidence>();
    public DbSet<DealStageChange> DealStageChanges => Set<DealStageChange>();
    public DbSet<DealOverride> DealOverrides => Set<DealOverride>();
    public DbSet<DealMilestone> DealMilestones => Set<DealMilestone>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<Quote> Quotes => Set<Quote>();
    public DbSet<QuoteLine> QuoteLines => Set<QuoteLine>();
    public DbSet<StaffTask> StaffTasks => Set<StaffTask>();
    public DbSet<BusinessTouchRule> BusinessTouchRules => Set<BusinessTouchRule>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    public DbSet<Occasion> Occasions => Set<Occasion>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<Reminder> Reminders => Set<Reminder>();
    public DbSet<ReorderLink> ReorderLinks => Set<ReorderLink>();
    public DbSet<CardLink> CardLinks => Set<CardLink>();
    public DbSet<StandingOrder> StandingOrders => Set<StandingOrder>();
    public DbSet<StandingOrderRun> StandingOrderRuns => Set<StandingOrderRun>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<CustomerHealth> CustomerHealth => Set<CustomerHealth>();
    public DbSet<CustomerHealthDay> CustomerHealthDays => Set<CustomerHealthDay>();
    public DbSet<HealthSettings> HealthSettings => Set<HealthSettings>();
    public DbSet<Concession> Concessions => Set<Concession>();
    public DbSet<ConcessionSettings> ConcessionSettings => Set<ConcessionSettings>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(RapportDb).Assembly);

        foreach (var entity in builder.Model.GetEntityTypes())
        {
            if (!typeof(IBusinessOwned).IsAssignableFrom(entity.ClrType) || entity.IsOwned()) continue;
            builder.Entity(entity.ClrType).HasQueryFilter(TenancyFilter(entity.ClrType));
            builder.Entity(entity.ClrType).HasIndex(nameof(IBusinessOwned.BusinessId));
        }
        // Deleted customers stay restorable but leave every list.
        builder.Entity<Customer>().HasQueryFilter(c => c.BusinessId == CurrentBusinessId && c.DeletedAt == null);
    }

    private LambdaExpression TenancyFilter(Type type)
    {
        var row = Expression.Parameter(type, "row");
        var owner = Expression.Property(row, nameof(IBusinessOwned.BusinessId));
        var current = Expression.Property(Expression.Constant(this), nameof(CurrentBusinessId));
        return Expression.Lambda(Expression.Equal(owner, current), row);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // Times are UTC everywhere; SQLite forgets the kind, so it is restored on read.
        configuration.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configuration.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        configuration.Properties<decimal>().HavePrecision(18, 2);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampBusiness();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampBusiness();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // New rows take the current business; a row of another business is never written through this scope.
    private void StampBusiness()
    {
        foreach (var entry in ChangeTracker.Entries<IBusinessOwned>())
        {
            if (entry.State == EntityState.Added && entry.Entity.BusinessId == Guid.Empty)
                entry.Entity.BusinessId = CurrentBusinessId;
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && entry.Entity.BusinessId != CurrentBusinessId)
                throw new InvalidOperationException($"A {entry.Entity.GetType().Name} of another business cannot be changed here.");
        }
    }
}

internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
