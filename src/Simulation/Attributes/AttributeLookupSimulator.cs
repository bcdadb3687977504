using System.Text.Json;
using System.Text.Json.Nodes;
using Pynsights.Simulation.Inputs;
using Pynsights.Simulation.Python;
using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Attributes;

/// <summary>
/// <c>attribute-lookup</c>: classes, an instance with some attributes set, and <c>obj.name</c>; the trace shows the
/// MRO lookup, data descriptors, the instance dict, non-data descriptors and class attributes, and __getattr__.
/// </summary>
public sealed class AttributeLookupSimulator : ISimulator
{
    public const int MaxSourceLength = 4000;
    public const int MaxExpressionLength = 100;

    private const string NotYet = "is not supported by Pynsights yet";

    public SimulatorDescriptor Descriptor { get; } = new(
        Id: "attribute-lookup",
        Title: "Attribute lookup: descriptors, the instance dict and __getattr__",
        Summary: "Reads obj.name as object.__getattribute__ does: the class MRO is searched first and a data "
            + "descriptor found there (property, __slots__ member, a class with __get__ and __set__) wins; otherwise "
            + "the instance __dict__; otherwise a non-data descriptor (function, classmethod, staticmethod, a class "
            + "with __get__ only) or a plain class attribute; then __getattr__ after an AttributeError. The source "
            + "holds single-inheritance classes (constants, defs, @property/@staticmethod/@classmethod, descriptor "
            + "instances, __slots__, __getattr__ returning a constant), then obj = Class() and obj.attr = constant "
            + "lines; the result says where the value came from.",
        Topics: ["language-dunder-methods"],
        PythonVersions: PythonVersion.All,
        LogicVersion: 1,
        InputSchema: (JsonObject)JsonNode.Parse("""
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "title": "attribute-lookup input",
              "description": "Classes and an instance, then the attribute to read.",
              "type": "object",
              "required": ["source", "expression"],
              "additionalProperties": false,
              "properties": {
                "source": { "description": "Class statements, then obj = ClassName() and obj.attr = constant lines.", "type": "string", "maxLength": 4000 },
                "expression": { "description": "The attribute read, e.g. \"obj.x\".", "type": "string", "maxLength": 100 }
              }
            }
            """)!,
        Limits:
        [
            new InputLimit("sourceLength", MaxSourceLength, "Longest source, in characters."),
            new InputLimit("expressionLength", MaxExpressionLength, "Longest expression, in characters."),
        ],
        Examples:
        [
            new JsonObject
            {
                ["source"] = "class A:\n    x = 'class attribute'\n    @property\n    def p(self):\n        return 'property'\n\nobj = A()\nobj.x = 'instance'\n",
                ["expression"] = "obj.x",
            },
            new JsonObject
            {
                ["source"] = "class Loud:\n    def __get__(self, obj, objtype=None):\n        return 'Loud.__get__'\n    def __set__(self, obj, value):\n        pass\n\nclass A:\n    x = Loud()\n\nobj = A()\nobj.x = 'ignored'\n",
                ["expression"] = "obj.x",
            },
            new JsonObject
            {
                ["source"] = "class A:\n    __slots__ = ('x',)\n    def __getattr__(self, name):\n        return 'fallback'\n\nobj = A()\n",
                ["expression"] = "obj.x",
            },
        ]);

    public SimulationRun? Prepare(JsonElement input, PythonVersion version, out IReadOnlyList<InputProblem> problems)
    {
        var reader = new InputReader();
        string? source = null, expression = null;
        if (reader.Object(input, "", "source", "expression"))
        {
            source = reader.RequiredString(input, "source", MaxSourceLength);
            expression = reader.RequiredString(input, "expression", MaxExpressionLength);
        }

        AttributeLookupRun? run = null;
        if (source is not null && expression is not null)
        {
            var error = Build(source, expression, version, out run);
            if (error is not null)
            {
                reader.Report(error.Value.Field, error.Value.Message);
            }
        }

        problems = reader.Problems;
        return reader.HasProblems ? null : run;
    }

    private static (string Field, string Message)? Build(string source, string expression, PythonVersion version, out AttributeLookupRun? run)
    {
        run = null;
        var parsed = PythonSyntax.Parse(source);
        if (parsed.Diagnostic is { } diagnostic)
        {
            return ("source", $"{diagnostic.Type}: {diagnostic.Message} (line {diagnostic.Line}, column {diagnostic.Column}).");
        }

        var classes = new Dictionary<string, SourceClass>(StringComparer.Ordinal);
        var instances = new Dictionary<string, (SourceClass Type, Dictionary<string, PyValue> Dict, Dictionary<string, PyValue> Slots)>(StringComparer.Ordinal);
        foreach (var statement in parsed.Module!.Nodes("body"))
        {
            var line = statement!.Span!.Value.Line;
            switch (statement.Type)
            {
                case "ClassDef":
                    var (cls, problem) = ReadClass(statement, classes);
                    if (problem is not null)
                    {
                        return ("source", $"line {line}: {problem}");
                    }

                    classes[cls!.Name] = cls;
                    break;
                case "Assign" when statement.Nodes("targets") is [{ Type: "Name" } target]
                                   && statement.Node("value") is { Type: "Call" } call && call.Node("func") is { Type: "Name" } func
                                   && call.Nodes("args").Count == 0 && call.Nodes("keywords").Count == 0
                                   && classes.TryGetValue(func.Identifier("id")!, out var instanceType):
                    instances[target.Identifier("id")!] = (instanceType, new(StringComparer.Ordinal), new(StringComparer.Ordinal));
                    break;
                case "Assign" when statement.Nodes("targets") is [{ Type: "Attribute" } attribute]
                                   && attribute.Node("value") is { Type: "Name" } owner && instances.TryGetValue(owner.Identifier("id")!, out var instance)
                                   && statement.Node("value") is { Type: "Constant" } constant:
                {
                    var attr = attribute.Identifier("attr")!;
                    var value = (PyValue)constant["value"]!;
                    if (attr.StartsWith("__", StringComparison.Ordinal))
                    {
                        return ("source", $"line {line}: setting dunder attributes {NotYet}.");
                    }

                    // PyObject_GenericSetAttr: a data descriptor's __set__ first, else the instance dict.
                    var descr = instance.Type.Lookup(attr);
                    if (descr is { IsData: true })
                    {
                        switch (descr.Kind)
                        {
                            case AttributeKind.Slot:
                                instance.Slots[attr] = value;
                                continue;
                            case AttributeKind.Descriptor when descr.Descriptor!.HasSet:
                                // The source's __set__ bodies are pass: the value goes nowhere.
                                continue;
                            default:
                                return ("source", $"line {line}: this assignment raises in CPython (no setter); assignments that raise {NotYet}.");
                        }
                    }

                    if (!instance.Type.InstancesHaveDict)
                    {
                        return ("source", $"line {line}: this assignment raises in CPython (no __dict__); assignments that raise {NotYet}.");
                    }

                    instance.Dict[attr] = value;
                    break;
                }

                default:
                    return ("source", $"line {line}: only class statements, obj = ClassName() and obj.attr = constant lines are supported yet.");
            }
        }

        var expr = PythonSyntax.Parse(expression);
        if (expr.Module?.Nodes("body") is not [{ Type: "Expr" } e] || e.Node("value") is not { Type: "Attribute" } read
            || read.Node("value") is not { Type: "Name" } objName || !instances.TryGetValue(objName.Identifier("id")!, out var target2)
            || read.Identifier("attr")!.StartsWith("__", StringComparison.Ordinal))
        {
            return ("expression", "must be instance.attribute for an instance the source creates (not a dunder name), e.g. obj.x.");
        }

        run = new AttributeLookupRun(new JsonObject { ["source"] = source, ["expression"] = expression }, version,
            target2.Type, target2.Dict, target2.Slots, read.Identifier("attr")!);
        return null;
    }

    private static (SourceClass? Class, string? Problem) ReadClass(AstNode node, Dictionary<string, SourceClass> classes)
    {
        if (node.Nodes("keywords").Count > 0 || node.Nodes("decorator_list").Count > 0)
        {
            return (null, $"class keywords and decorators {NotYet}.");
        }

        SourceClass? @base = null;
        var bases = node.Nodes("bases");
        if (bases.Count > 1 || bases.Any(b => b!.Type != "Name"))
        {
            return (null, $"multiple inheritance {NotYet} in this simulator (see mro).");
        }

        if (bases is [{ } only] && only.Identifier("id") is var baseName && baseName != "object" && !classes.TryGetValue(baseName!, out @base))
        {
            return (null, $"the base '{baseName}' must be a class defined earlier in the source.");
        }

        var name = node.Identifier("name")!;
        var dict = new Dictionary<string, Attribute>(StringComparer.Ordinal);
        List<string>? slots = null;
        PyValue? getattr = null, get = null;
        bool hasSet = false, hasDelete = false;
        foreach (var member in node.Nodes("body"))
        {
            switch (member!.Type)
            {
                case "Pass":
                case "Expr" when member.Node("value").Type == "Constant":
                    continue;
                case "Assign" when member.Nodes("targets") is [{ Type: "Name" } target]:
                {
                    var attr = target.Identifier("id")!;
                    var value = member.Node("value");
                    if (attr == "__slots__")
                    {
                        slots = SlotNames(value);
                        if (slots is null || slots.Any(s => s.StartsWith("__", StringComparison.Ordinal)))
                        {
                            return (null, $"__slots__ must be a string or a tuple/list of plain names here; other forms {NotYet}.");
                        }

                        continue;
                    }

                    if (attr.StartsWith("__", StringComparison.Ordinal))
                    {
                        return (null, $"assigning '{attr}' in a class body {NotYet}.");
                    }

                    if (value is { Type: "Constant" })
                    {
                        dict[attr] = new Attribute(AttributeKind.Constant, name, attr, (PyValue)value["value"]!, null);
                    }
                    else if (value is { Type: "Call" } call && call.Node("func") is { Type: "Name" } f && call.Nodes("args").Count == 0
                             && call.Nodes("keywords").Count == 0 && classes.TryGetValue(f.Identifier("id")!, out var descriptorClass)
                             && descriptorClass.AsDescriptor is { } descriptor)
                    {
                        dict[attr] = new Attribute(AttributeKind.Descriptor, name, attr, null, descriptor);
                    }
                    else
                    {
                        return (null, $"class attributes must be constants or instances of a descriptor class (with __get__) of the source.");
                    }

                    continue;
                }

                case "FunctionDef":
                {
                    var fname = member.Identifier("name")!;
                    var decorators = member.Nodes("decorator_list");
                    var returned = ReturnedConstant(member);
                    if (decorators.Count == 0)
                    {
                        switch (fname)
                        {
                            case "__getattr__" when returned is not null:
                                getattr = returned;
                                continue;
                            case "__get__" when returned is not null:
                                get = returned;
                                continue;
                            case "__set__" when IsPassBody(member):
                                hasSet = true;
                                continue;
                            case "__delete__" when IsPassBody(member):
                                hasDelete = true;
                                continue;
                            case var dunder when dunder.StartsWith("__", StringComparison.Ordinal):
                                return (null, $"defining {dunder} {NotYet} (special methods: __getattr__ returning a constant, __get__, __set__, __delete__).");
                            default:
                                dict[fname] = new Attribute(AttributeKind.Method, name, fname, null, null);
                                continue;
                        }
                    }

                    if (decorators is [{ Type: "Name" } decorator] && !fname.StartsWith("__", StringComparison.Ordinal))
                    {
                        switch (decorator.Identifier("id"))
                        {
                            case "property" when returned is not null:
                                dict[fname] = new Attribute(AttributeKind.Property, name, fname, returned, null);
                                continue;
                            case "staticmethod":
                                dict[fname] = new Attribute(AttributeKind.StaticMethod, name, fname, null, null);
                                continue;
                            case "classmethod":
                                dict[fname] = new Attribute(AttributeKind.ClassMethod, name, fname, null, null);
                                continue;
                        }
                    }

                    return (null, $"the def {fname}: only plain defs, @property (returning a constant), @staticmethod and @classmethod are supported yet.");
                }

                default:
                    return (null, $"this statement in a class body {NotYet}.");
            }
        }

        if (slots is not null)
        {
            foreach (var slot in slots)
            {
                if (dict.ContainsKey(slot))
                {
                    return (null, $"'{slot}' in __slots__ conflicts with class variable (a ValueError); such classes {NotYet}.");
                }

                dict[slot] = new Attribute(AttributeKind.Slot, name, slot, null, null);
            }
        }

        if ((hasSet || hasDelete) && get is null)
        {
            return (null, $"descriptor classes without __get__ {NotYet}.");
        }

        var asDescriptor = get is null ? null : new DescriptorClass(name, get, hasSet || hasDelete, hasSet);
        return (new SourceClass(name, @base, dict, slots, getattr, asDescriptor), null);
    }

    private static List<string>? SlotNames(AstNode value) => value switch
    {
        { Type: "Constant" } when value["value"] is PyStr s => [string.Concat(s.CodePoints.Select(char.ConvertFromUtf32))],
        { Type: "Tuple" or "List" } when value.Nodes("elts").All(e => e!.Type == "Constant" && e["value"] is PyStr) =>
            [.. value.Nodes("elts").Select(e => string.Concat(((PyStr)e!["value"]!).CodePoints.Select(char.ConvertFromUtf32)))],
        _ => null,
    };

    private static PyValue? ReturnedConstant(AstNode def)
    {
        var body = def.Nodes("body").Where(s => !(s!.Type == "Expr" && s.Node("value").Type == "Constant")).ToList();
        return body is [{ Type: "Return" } ret] && ret.OptionalNode("value") is { Type: "Constant" } c ? (PyValue)c["value"]! : null;
    }

    private static bool IsPassBody(AstNode def) =>
        def.Nodes("body").All(s => s!.Type == "Pass" || (s.Type == "Expr" && s.Node("value").Type == "Constant"));
}
