"""Writes the hostile ONNX models of HostileOnnxTest (each well under 1 KB), with onnx.helper.

Every model reads one float input "x" of shape [N, 1] and writes "probability" [N, 1].

  external-*.onnx  a tensor whose data is "external": ONNX Runtime would read the file it names
                   (absolute, ../.., relative, with or without data_location, in an initializer, a
                   sparse initializer, a node attribute, an If branch, a local function, training info)
  score-*.onnx     a well-formed model whose "probability" is no probability (above 1, below 0, NaN,
                   infinite)

Run from the repository root (Debian: apt-get install python3-onnx):
    /usr/bin/python3 src/test/resources/hostile-onnx/make_hostile_onnx.py
"""
import os

import onnx
from onnx import TensorProto, helper

HERE = os.path.dirname(os.path.abspath(__file__))
X = helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 1])
P = helper.make_tensor_value_info("probability", TensorProto.FLOAT, ["N", 1])
OPSET = [helper.make_opsetid("", 13)]


def external(name, location, with_location_flag=True, dims=(1, 1)):
    """A float tensor whose 4 bytes are to be read from `location` (offset 0)."""
    tensor = helper.make_tensor(name, TensorProto.FLOAT, list(dims), [0.0])
    tensor.ClearField("float_data")
    entry = tensor.external_data.add()
    entry.key = "location"
    entry.value = location
    for key, value in (("offset", "0"), ("length", "4")):
        more = tensor.external_data.add()
        more.key = key
        more.value = value
    if with_location_flag:
        tensor.data_location = TensorProto.EXTERNAL
    return tensor


def sigmoid_graph(weight_initializers, nodes_before=(), weight="w"):
    nodes = list(nodes_before) + [helper.make_node("MatMul", ["x", weight], ["eta"]),
                                  helper.make_node("Sigmoid", ["eta"], ["probability"])]
    return helper.make_graph(nodes, "hostile", [X], [P], weight_initializers)


def save(name, model):
    path = os.path.join(HERE, name)
    onnx.save_model(model, path)  # never loads or writes the external data itself
    print(name, os.path.getsize(path), "bytes")


def model(graph, opsets=OPSET, **kwargs):
    return helper.make_model(graph, producer_name="twinbench-hostile", opset_imports=opsets, **kwargs)


def main():
    save("external-absolute.onnx", model(sigmoid_graph([external("w", "/etc/passwd")])))
    save("external-dotdot.onnx", model(sigmoid_graph([external("w", "../../../../../../../../etc/passwd")])))
    save("external-relative.onnx", model(sigmoid_graph([external("w", "secret.txt")])))
    save("external-without-flag.onnx", model(sigmoid_graph([external("w", "/etc/hostname", False)])))

    # A sparse initializer whose values are external.
    sparse = helper.make_sparse_tensor(external("w_values", "/etc/passwd", dims=(1,)),
                                       helper.make_tensor("w_indices", TensorProto.INT64, [1], [0]), [1, 1])
    graph = sigmoid_graph([])
    graph.sparse_initializer.append(sparse)
    graph.node[0].input[1] = "w_values"
    save("external-sparse.onnx", model(graph))

    # A Constant node's attribute holds the external tensor.
    constant = helper.make_node("Constant", [], ["w"], value=external("w_const", "/etc/passwd"))
    save("external-attribute.onnx", model(sigmoid_graph([], [constant])))

    # The external tensor is in the then-branch of an If: a subgraph in a node attribute.
    branch_out = helper.make_tensor_value_info("w", TensorProto.FLOAT, [1, 1])
    then_graph = helper.make_graph([helper.make_node("Constant", [], ["w"], value=external("w_then", "/etc/shadow"))],
                                   "then", [], [branch_out])
    else_graph = helper.make_graph([helper.make_node("Constant", [], ["w"],
                                                     value=helper.make_tensor("w_else", TensorProto.FLOAT, [1, 1], [1.0]))],
                                   "else", [], [branch_out])
    condition = helper.make_tensor("cond", TensorProto.BOOL, [], [True])
    branch = helper.make_node("If", ["cond"], ["w"], then_branch=then_graph, else_branch=else_graph)
    save("external-subgraph.onnx", model(sigmoid_graph([condition], [branch])))

    # A model-local function whose body holds the external tensor.
    body = [helper.make_node("Constant", [], ["w"], value=external("w_fn", "/proc/self/environ")),
            helper.make_node("MatMul", ["fx", "w"], ["fy"])]
    function = helper.make_function("local", "Weigh", ["fx"], ["fy"], body, OPSET)
    graph = helper.make_graph([helper.make_node("Weigh", ["x"], ["eta"], domain="local"),
                               helper.make_node("Sigmoid", ["eta"], ["probability"])], "hostile", [X], [P])
    save("external-function.onnx", model(graph, OPSET + [helper.make_opsetid("local", 1)],
                                         functions=[function]))

    # Training info's initialization graph holds the external initializer.
    plain = model(sigmoid_graph([helper.make_tensor("w", TensorProto.FLOAT, [1, 1], [1.0])]))
    training = plain.training_info.add()
    training.initialization.CopyFrom(helper.make_graph([], "init", [], [], [external("w_init", "/etc/passwd")]))
    save("external-training-info.onnx", plain)

    # Scores that are no probabilities: x + 5 (above 1), -1 - |x| (below 0), 0/0 (NaN), 1/0 (infinite).
    def scores(name, nodes, init=()):
        save(name, model(helper.make_graph(nodes, "scores", [X], [P], list(init))))

    five = helper.make_tensor("five", TensorProto.FLOAT, [1], [5.0])
    one = helper.make_tensor("one", TensorProto.FLOAT, [1], [1.0])
    scores("score-above-one.onnx", [helper.make_node("Add", ["x", "five"], ["probability"])], [five])
    scores("score-below-zero.onnx", [helper.make_node("Abs", ["x"], ["a"]), helper.make_node("Add", ["a", "one"], ["b"]),
                                     helper.make_node("Neg", ["b"], ["probability"])], [one])
    scores("score-nan.onnx", [helper.make_node("Sub", ["x", "x"], ["zero"]),
                              helper.make_node("Div", ["zero", "zero"], ["probability"])])
    scores("score-infinite.onnx", [helper.make_node("Sub", ["x", "x"], ["zero"]), helper.make_node("Abs", ["x"], ["a"]),
                                   helper.make_node("Add", ["a", "one"], ["b"]),
                                   helper.make_node("Div", ["b", "zero"], ["probability"])], [one])


if __name__ == "__main__":
    main()
