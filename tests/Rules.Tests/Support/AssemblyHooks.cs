using RJH.DeviceWorkflows.Testing;

[assembly: TestFramework(TestRunHooks.TypeName, TestRunHooks.AssemblyName)]
