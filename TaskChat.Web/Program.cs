using TaskChat.Web.Account;
using TaskChat.Web.Assistant;
using TaskChat.Web.Chat;
using TaskChat.Web.Chat.Components;
using TaskChat.Web.Data;
using TaskChat.Web.Identity;
using TaskChat.Web.Operations;
using TaskChat.Web.ScaleOut;
using TaskChat.Web.Security;
using TaskChat.Web.Shared;
using TaskChat.Web.Tasks;
using TaskChat.Web.Telemetry;
using TaskChat.Web.Usage;

var builder = WebApplication.CreateBuilder(args);

builder.AddStructuredLogging();
builder.AddTelemetry();
builder.AddOperations();
builder.AddData();
builder.AddIdentityAndAuth();
builder.AddTasks();
builder.AddAssistant();
builder.AddChat();
builder.AddUsage();
builder.AddScaleOut();
builder.AddSecurity();
builder.AddAccount();
builder.AddChatUi();
builder.AddPages();

var app = builder.Build();

app.UseSecurityEdge();
app.UseOperations();
app.UseRateLimits();
app.MapOperations();
app.MapIdentity();
app.MapTasks();
app.MapChat();
app.MapUsage();
app.MapAccount();
app.MapPages();

app.Run();

public partial class Program;
