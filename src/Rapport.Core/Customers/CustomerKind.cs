namespace Rapport.Core.Customers;

public enum CustomerKind { Person, Organization }

public enum ContactKind { Phone, Email }

/// <summary>A stakeholder's role in an organisation's buying committee.</summary>
public enum BuyingRole { DecisionMaker, EconomicBuyer, TechnicalEvaluator, User, Influencer, Blocker }
