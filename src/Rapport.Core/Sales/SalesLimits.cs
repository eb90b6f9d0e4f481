namespace Rapport.Core.Sales;

public static class SalesLimits
{
    public const int Name = 200;
    public const int Stage = 60;
    public const int Title = 200;
    public const int Text = 4000;
    public const int Answer = 2000;
    public const int Short = 120;
    public const int Token = 43;
}
