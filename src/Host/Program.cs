using RJH.DeviceWorkflows.Host;

HostApp.Build(args).Run();

public partial class Program;
