using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Pynsights.Api.Tests.Deploy;

/// <summary>
/// No container engine or cluster runs here, so the deployment files are checked for what would break them: the
/// image builds non-root from the files that exist, compose runs two replicas on one Redis behind the balancer, and
/// the Kubernetes objects refer to each other correctly and probe the health endpoints the API really serves.
/// </summary>
public sealed partial class DeployFilesTests
{
    private static readonly string Deploy = Path.Combine(TestPaths.Repository, "deploy");

    [GeneratedRegex(@"^FROM\s+(\S+)(?:\s+AS\s+(\S+))?", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex From();

    [GeneratedRegex(@"^COPY\s+(?!--from)(.+?)\s+\S+$", RegexOptions.Multiline)]
    private static partial Regex Copy();

    [Fact]
    public void TheDockerfileIsMultiStageNonRootAndCopiesOnlyWhatExists()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Deploy, "Dockerfile"));
        var stages = From().Matches(dockerfile);
        Assert.True(stages.Count >= 2, "a build stage and a runtime stage");
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", stages[0].Groups[1].Value, StringComparison.Ordinal);
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:10.0", stages[^1].Groups[1].Value, StringComparison.Ordinal);
        var runtime = dockerfile[stages[^1].Index..];
        Assert.Matches(@"(?m)^USER\s+(app|\d+)\s*$", runtime);
        Assert.Matches(@"(?m)^EXPOSE\s+8080\s*$", runtime);
        Assert.Contains("Pynsights.Api.dll", runtime, StringComparison.Ordinal);
        foreach (Match copy in Copy().Matches(dockerfile))
        {
            foreach (var source in copy.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var path = Path.Combine(TestPaths.Repository, source.TrimEnd('/'));
                Assert.True(File.Exists(path) || Directory.Exists(path), $"Dockerfile copies {source}, which does not exist");
            }
        }
    }

    [Fact]
    public void ComposeRunsTwoReplicasOnOneRedisBehindTheBalancer()
    {
        var services = (YamlMappingNode)Load(Path.Combine(Deploy, "compose.yaml"))[0]["services"];
        var api = (YamlMappingNode)services["api"];
        Assert.Equal("2", Scalar(api["deploy"]["replicas"]));
        Assert.Equal("redis:6379", Scalar(api["environment"]["REDIS_URL"]));
        Assert.Equal("deploy/Dockerfile", Scalar(api["build"]["dockerfile"]));
        Assert.Contains(new YamlScalarNode("redis"), ((YamlMappingNode)services).Children.Keys);
        var lb = (YamlMappingNode)services["lb"];
        var conf = File.ReadAllText(Path.Combine(Deploy, "nginx.conf"));
        Assert.Contains("server api:8080", conf, StringComparison.Ordinal);
        Assert.Contains("./nginx.conf:", Scalar(((YamlSequenceNode)lb["volumes"])[0]), StringComparison.Ordinal);
    }

    [Fact]
    public void KubernetesObjectsReferToEachOtherAndProbeRealHealthEndpoints()
    {
        var dir = Path.Combine(Deploy, "kubernetes");
        var kustomization = Load(Path.Combine(dir, "kustomization.yaml"))[0];
        var resources = ((YamlSequenceNode)kustomization["resources"]).Select(Scalar).ToList();
        Assert.All(resources, r => Assert.True(File.Exists(Path.Combine(dir, r)), $"kustomization lists {r}, which does not exist"));

        var objects = resources.Concat(["redis-secret.example.yaml"]).SelectMany(r => Load(Path.Combine(dir, r))).ToList();
        Assert.All(objects, o =>
        {
            Assert.False(string.IsNullOrEmpty(Scalar(o["apiVersion"])));
            Assert.Matches("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", Scalar(o["metadata"]["name"]));
        });
        YamlMappingNode Find(string kind, string name) =>
            objects.Single(o => Scalar(o["kind"]) == kind && Scalar(o["metadata"]["name"]) == name);

        var deployment = Find("Deployment", "pynsights-api");
        var podLabels = (YamlMappingNode)deployment["spec"]["template"]["metadata"]["labels"];
        var selector = (YamlMappingNode)deployment["spec"]["selector"]["matchLabels"];
        Assert.All(selector.Children, l => Assert.Equal(Scalar(l.Value), Scalar(podLabels[l.Key])));

        var container = (YamlMappingNode)((YamlSequenceNode)deployment["spec"]["template"]["spec"]["containers"])[0];
        var port = (YamlMappingNode)((YamlSequenceNode)container["ports"])[0];
        Assert.Equal("8080", Scalar(port["containerPort"]));
        Assert.Equal("/health/ready", Scalar(container["readinessProbe"]["httpGet"]["path"]));
        Assert.Equal("/health/live", Scalar(container["livenessProbe"]["httpGet"]["path"]));
        Assert.Equal(Scalar(port["name"]), Scalar(container["readinessProbe"]["httpGet"]["port"]));
        Assert.Equal("true", Scalar(deployment["spec"]["template"]["spec"]["securityContext"]["runAsNonRoot"]));

        var redisUrl = ((YamlSequenceNode)container["env"]).Cast<YamlMappingNode>().Single(e => Scalar(e["name"]) == "REDIS_URL");
        var secretName = Scalar(redisUrl["valueFrom"]["secretKeyRef"]["name"]);
        var secret = Find("Secret", secretName);
        Assert.Contains(new YamlScalarNode(Scalar(redisUrl["valueFrom"]["secretKeyRef"]["key"])), ((YamlMappingNode)secret["stringData"]).Children.Keys);

        var service = Find("Service", "pynsights-api");
        Assert.All(((YamlMappingNode)service["spec"]["selector"]).Children, l => Assert.Equal(Scalar(l.Value), Scalar(podLabels[l.Key])));
        Assert.Equal("http", Scalar(((YamlSequenceNode)service["spec"]["ports"])[0]["targetPort"]));

        var hpa = Find("HorizontalPodAutoscaler", "pynsights-api");
        Assert.Equal("autoscaling/v2", Scalar(hpa["apiVersion"]));
        Assert.Equal("Deployment", Scalar(hpa["spec"]["scaleTargetRef"]["kind"]));
        Assert.Equal("pynsights-api", Scalar(hpa["spec"]["scaleTargetRef"]["name"]));
        Assert.True(int.Parse(Scalar(hpa["spec"]["minReplicas"]), System.Globalization.CultureInfo.InvariantCulture) >= 2);
    }

    [Fact]
    public async Task TheProbedEndpointsAnswerOnTheApi()
    {
        using var factory = new PynsightsApiFactory();
        var client = factory.CreateClient();
        foreach (var path in (string[])["/health/ready", "/health/live"])
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private static List<YamlMappingNode> Load(string path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        return [.. stream.Documents.Select(d => (YamlMappingNode)d.RootNode)];
    }

    private static string Scalar(YamlNode node) => ((YamlScalarNode)node).Value ?? "";
}
