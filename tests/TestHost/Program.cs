using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Host;
using RJH.DeviceWorkflows.TestHost;

var app = HostApp.Build(args, builder => builder.Services.AddActivity<SideEffectActivity>());
await app.RunAsync();
