using Rapport.Core.Common;
using Rapport.Core.Timeline;

namespace Rapport.Web.Timeline;

/// <summary>A page of a customer's timeline, as the customer and deal pages show it.</summary>
public sealed record TimelineView(Guid CustomerId, Page<TimelineEntry> Page);
