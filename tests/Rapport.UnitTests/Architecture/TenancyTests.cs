using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Rapport.Core.Businesses;
using Rapport.Core.Data;

namespace Rapport.UnitTests.Architecture;

/// <summary>No business-owned table escapes the tenancy filter.</summary>
public sealed class TenancyTests : IDisposable
{
    private readonly RapportDb db = new(
        new DbContextOptionsBuilder<RapportDb>().UseSqlite("Data Source=:memory:").Options, new Tenant());

    public void Dispose() => db.Dispose();

    private IEntityType[] BusinessOwned() =>
        db.Model.GetEntityTypes().Where(e => typeof(IBusinessOwned).IsAssignableFrom(e.ClrType)).ToArray();

    [Fact]
    public void The_model_has_business_owned_entities() =>
        BusinessOwned().Length.ShouldBeGreaterThanOrEqualTo(8);

    [Fact]
    public void Every_business_owned_entity_is_filtered_to_the_current_business()
    {
        var unfiltered = BusinessOwned()
            .Where(e => !e.IsOwned())
            .Where(e => !e.GetDeclaredQueryFilters().Any(f => ComparesBusinessIdWithCurrent(f.Expression)))
            .Select(e => e.ClrType.Name)
            .ToList();

        unfiltered.ShouldBeEmpty();
    }

    [Fact]
    public void A_business_owned_type_kept_inside_another_row_lives_in_a_filtered_row()
    {
        foreach (var owned in BusinessOwned().Where(e => e.IsOwned()))
        {
            var owner = owned.FindOwnership()!.PrincipalEntityType;
            owner.GetDeclaredQueryFilters().ShouldNotBeEmpty($"{owned.ClrType.Name} is kept in {owner.ClrType.Name}");
        }
    }

    [Fact]
    public void Every_entity_with_a_business_id_is_business_owned()
    {
        // Staff sign in before their business is known; their queries name the business.
        // The order-number counter is keyed by its business, read only by that key, and holds nothing of a customer's.
        Type[] exempt = [typeof(StaffMember), typeof(Rapport.Core.Orders.OrderNumberBlock)];

        var missing = db.Model.GetEntityTypes()
            .Where(e => e.FindProperty(nameof(IBusinessOwned.BusinessId)) is not null)
            .Select(e => e.ClrType)
            .Where(t => !typeof(IBusinessOwned).IsAssignableFrom(t) && !exempt.Contains(t))
            .Select(t => t.Name)
            .ToList();

        missing.ShouldBeEmpty();
    }

    [Fact]
    public void With_no_business_set_the_filter_matches_nothing() =>
        db.CurrentBusinessId.ShouldBe(Guid.Empty);

    private static bool ComparesBusinessIdWithCurrent(LambdaExpression? filter)
    {
        if (filter is null) return false;
        var finder = new EqualityFinder(filter.Parameters[0]);
        finder.Visit(filter.Body);
        return finder.Found;
    }

    /// <summary>Finds <c>row.BusinessId == db.CurrentBusinessId</c> anywhere in a filter, e.g. beside "not deleted".</summary>
    private sealed class EqualityFinder(ParameterExpression row) : ExpressionVisitor
    {
        public bool Found { get; private set; }

        protected override Expression VisitBinary(BinaryExpression node)
        {
            if (node.NodeType == ExpressionType.Equal && (Matches(node.Left, node.Right) || Matches(node.Right, node.Left)))
                Found = true;
            return base.VisitBinary(node);
        }

        private bool Matches(Expression owner, Expression current) =>
            owner is MemberExpression { Member.Name: nameof(IBusinessOwned.BusinessId), Expression: var o } && o == row
            && current is MemberExpression { Member.Name: nameof(RapportDb.CurrentBusinessId) };
    }
}
