namespace Rapport.Core.Businesses;

public enum StaffRole { Owner, Manager, Sales, Service, Delivery }

/// <summary>What each role may do; one place so pages and the API agree.</summary>
public static class StaffPermissions
{
    public static bool CanEditCustomers(this StaffRole role) => role is not StaffRole.Delivery;
    public static bool SeesPaymentMethods(this StaffRole role) => role is not StaffRole.Delivery;
    public static bool SeesInternalNotes(this StaffRole role) => role is not StaffRole.Delivery;
    /// <summary>Delivery staff see only the customers and recipients of their own deliveries.</summary>
    public static bool SeesOnlyOwnDeliveries(this StaffRole role) => role is StaffRole.Delivery;
    /// <summary>Everyone but drivers takes orders, on any channel.</summary>
    public static bool TakesOrders(this StaffRole role) => role is not StaffRole.Delivery;
    /// <summary>Owners and managers keep the products and prices; everyone else only reads them.</summary>
    public static bool ManagesCatalog(this StaffRole role) => role is StaffRole.Owner or StaffRole.Manager;
    /// <summary>Owners and managers set up locations, zones, delivery windows and capacity, and partners.</summary>
    public static bool ManagesDelivery(this StaffRole role) => role is StaffRole.Owner or StaffRole.Manager;
    /// <summary>Owners and managers read the business's figures: on-time rate, turned-away customers.</summary>
    public static bool SeesReports(this StaffRole role) => role is StaffRole.Owner or StaffRole.Manager;

    /// <summary>Owners and managers write playbooks, approve steps and override a stage gate with a reason.</summary>
    public static bool ManagesSales(this StaffRole role) => role is StaffRole.Owner or StaffRole.Manager;
    /// <summary>Everyone but drivers sees the deals, their playbooks and meetings.</summary>
    public static bool SeesDeals(this StaffRole role) => role is not StaffRole.Delivery;
    /// <summary>Owners, managers and salespeople run deals through the playbook.</summary>
    public static bool WorksDeals(this StaffRole role) => role is StaffRole.Owner or StaffRole.Manager or StaffRole.Sales;
    /// <summary>Everyone but drivers plans calls and meetings with an objective and logs their outcome.</summary>
    public static bool PlansMeetings(this StaffRole role) => role is not StaffRole.Delivery;
    /// <summary>Owners and managers write the business's touch rules ("every order: care card"); everyone reads them.</summary>
    public static bool ManagesTouches(this StaffRole role) => role is StaffRole.Owner or StaffRole.Manager;
    /// <summary>Owners, managers and service staff work through the queue of proposed occasions for all customers at once.</summary>
    public static bool DecidesOccasions(this StaffRole role) => role is StaffRole.Owner or StaffRole.Manager or StaffRole.Service;

    /// <summary>Everyone but drivers sees the health of relationships and the recovery tasks.</summary>
    public static bool SeesHealth(this StaffRole role) => role is not StaffRole.Delivery;
    /// <summary>Only the owner sets the health weights, thresholds and recovery triggers.</summary>
    public static bool ManagesHealth(this StaffRole role) => role is StaffRole.Owner;

    /// <summary>Everyone but drivers sees and records concessions (what was given away, at list value).</summary>
    public static bool SeesConcessions(this StaffRole role) => role is not StaffRole.Delivery;
    /// <summary>Owners and managers approve or refuse a concession that waits; the owner alone sets the limits.</summary>
    public static bool DecidesConcessions(this StaffRole role) => role is StaffRole.Owner or StaffRole.Manager;
    public static bool ManagesConcessionLimits(this StaffRole role) => role is StaffRole.Owner;

    public static string Label(this StaffRole role) => role switch
    {
        StaffRole.Owner => "owner",
        StaffRole.Manager => "manager",
        StaffRole.Sales => "sales",
        StaffRole.Service => "service",
        StaffRole.Delivery => "delivery",
        _ => role.ToString().ToLowerInvariant(),
    };
}
