var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/", () => "RJH Device Workflows");
app.Run();

public partial class Program;
