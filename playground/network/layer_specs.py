"""The catalog's entries: one LayerSpec per layer type, in palette order.

Parameter names and value forms are Keras's own config keys, so a node's params can be
passed to the Keras class as they are. Help sentences are for someone who does not code.
"""
from __future__ import annotations

from playground.i18n import N_, _
from playground.network.specs import LayerSpec, ParamSpec
from playground.network.text_specs import TEXT_LAYER_SPECS

ACTIVATIONS = ("linear", "relu", "sigmoid", "tanh", "softmax", "leaky_relu", "elu", "selu",
               "gelu", "silu", "softplus", "softsign", "relu6", "hard_sigmoid", "mish",
               "exponential", "log_softmax")
PADDINGS = ("valid", "same")
BIG = 65536  # generous upper bound for sizes; Keras itself has none


def activation(default: str = "linear") -> ParamSpec:
    return ParamSpec("activation", "activation", default,
                     _("The function applied to each output. 'relu' keeps positives and zeroes "
                       "negatives; 'sigmoid' squashes to 0..1 (yes/no answers); 'softmax' turns "
                       "outputs into class probabilities; 'linear' leaves them as they are."),
                     choices=ACTIVATIONS)


def units(default: int, what: str = _("neurons in this layer")) -> ParamSpec:
    return ParamSpec("units", "int", default,
                     _("How many {what}. More can learn more complex patterns but train slower "
                       "and may overfit.").format(what=what), minimum=1, maximum=BIG)


USE_BIAS = ParamSpec("use_bias", "bool", True,
                     _("Add a learned offset to each output. Almost always on."))


def filters(default: int = 32) -> ParamSpec:
    return ParamSpec("filters", "int", default,
                     _("How many different patterns (filters) this layer looks for; each makes "
                       "one output channel."), minimum=1, maximum=BIG)


def kernel(n: int, default: int = 3) -> ParamSpec:
    return ParamSpec("kernel_size", "int_tuple", [default] * n,
                     _("Size of the window each filter looks at, e.g. 3×3 pixels."),
                     minimum=1, maximum=4096, length=n)


def strides(n: int, default: int = 1) -> ParamSpec:
    return ParamSpec("strides", "int_tuple", [default] * n,
                     _("How far the window moves each step. 2 halves the output size."),
                     minimum=1, maximum=4096, length=n)


def padding(choices: tuple[str, ...] = PADDINGS) -> ParamSpec:
    return ParamSpec("padding", "choice", "valid",
                     _("'valid' uses only real pixels, so the output shrinks a little; 'same' pads "
                       "the border so the output keeps the input's size."), choices=choices)


def pool(n: int) -> tuple[ParamSpec, ...]:
    return (
        ParamSpec("pool_size", "int_tuple", [2] * n,
                  _("Size of the window summarised into one value. 2 halves the size."),
                  minimum=1, maximum=4096, length=n),
        ParamSpec("strides", "optional_int_tuple", None,
                  _("How far the window moves each step; empty means the same as the pool size."),
                  minimum=1, maximum=4096, length=n),
        padding(),
    )


def rnn(name: str, help_text: str) -> LayerSpec:
    return LayerSpec(
        name, name, "Recurrent", help_text,
        (units(32, _("numbers the layer remembers between time steps (its memory size)")),
         activation("tanh"),
         ParamSpec("return_sequences", "bool", False,
                   _("On: output a value for every time step (needed before another recurrent "
                     "layer). Off: output only the last step's summary.")),
         ParamSpec("dropout", "float", 0.0,
                   _("Share of inputs randomly ignored while training, against overfitting."),
                   minimum=0.0, maximum=1.0, exclusive_maximum=True),
         ParamSpec("recurrent_dropout", "float", 0.0,
                   _("Share of the memory connections randomly ignored while training."),
                   minimum=0.0, maximum=1.0, exclusive_maximum=True),
         ParamSpec("go_backwards", "bool", False, _("Read the sequence from the end to the start."))),
        summary_keys=("units", "return_sequences"),
    )


MERGE_HELP = _("Takes two or more inputs of the same shape and combines them element by element")

LAYER_SPECS: tuple[LayerSpec, ...] = (
    # ------------------------------------------------------------------ Core
    LayerSpec("Input", "InputLayer", "Core",
              _("Where data enters the model. Its shape is the shape of one example "
                "(e.g. 28×28×1 for a small grey image, 2 for a point)."),
              (ParamSpec("batch_shape", "batch_shape", [None, 2],
                         _("Shape of one example, without the batch size, e.g. [28, 28, 1] for "
                           "an image or [2] for a point."), label=N_("Shape")),
               ParamSpec("dtype", "choice", "float32",
                         _("Kind of numbers fed in: decimals (float32) for most data, whole "
                           "numbers (int32) for word or category ids fed to an Embedding, "
                           "text (string) for sentences or category names fed to "
                           "TextVectorization or StringLookup."),
                         choices=("float32", "int32", "int64", "float16", "float64",
                                  "bfloat16", "bool", "uint8", "string"))),
              min_inputs=0, max_inputs=0, summary_keys=("batch_shape",)),
    LayerSpec("Dense", "Dense", "Core",
              _("A layer of neurons, each connected to every input: the basic building block."),
              (units(32), activation(), USE_BIAS), summary_keys=("units", "activation")),
    LayerSpec("Activation", "Activation", "Core",
              _("Applies an activation function to its input, with nothing to learn."),
              (activation("relu"),), summary_keys=("activation",)),
    LayerSpec("Embedding", "Embedding", "Core",
              _("Turns whole-number ids (e.g. word numbers) into learned lists of numbers "
                "(vectors) that the next layers can use."),
              (ParamSpec("input_dim", "int", 1000,
                         _("How many different ids there are (vocabulary size); ids must be "
                           "below this."), minimum=1, maximum=10_000_000),
               ParamSpec("output_dim", "int", 32,
                         _("Length of the vector each id becomes."), minimum=1, maximum=BIG),
               ParamSpec("mask_zero", "bool", False,
                         _("Treat id 0 as padding that later layers ignore."))),
              summary_keys=("input_dim", "output_dim")),
    # ----------------------------------------------------------- Convolution
    LayerSpec("Conv1D", "Conv1D", "Convolution",
              _("Slides small learned filters along a sequence to find local patterns "
                "(e.g. in a signal or a sentence)."),
              (filters(), kernel(1), strides(1), padding(("valid", "same", "causal")),
               activation(), USE_BIAS),
              summary_keys=("filters", "kernel_size", "activation")),
    LayerSpec("Conv2D", "Conv2D", "Convolution",
              _("Slides small learned filters over an image to find local patterns such as "
                "edges, corners and textures."),
              (filters(), kernel(2), strides(2), padding(), activation(), USE_BIAS),
              summary_keys=("filters", "kernel_size", "activation")),
    LayerSpec("Conv2DTranspose", "Conv2DTranspose", "Convolution",
              _("The reverse of a convolution: makes an image larger, e.g. to draw or "
                "reconstruct images."),
              (filters(), kernel(2), strides(2), padding(), activation(), USE_BIAS),
              summary_keys=("filters", "kernel_size", "strides")),
    LayerSpec("SeparableConv2D", "SeparableConv2D", "Convolution",
              _("A lighter, faster Conv2D: filters each channel on its own, then mixes "
                "channels. Far fewer parameters."),
              (filters(), kernel(2), strides(2), padding(),
               ParamSpec("depth_multiplier", "int", 1,
                         _("How many filters per input channel in the first step."),
                         minimum=1, maximum=1024),
               activation(), USE_BIAS),
              summary_keys=("filters", "kernel_size", "activation")),
    LayerSpec("DepthwiseConv2D", "DepthwiseConv2D", "Convolution",
              _("Filters each image channel on its own (used in mobile networks)."),
              (kernel(2), strides(2), padding(),
               ParamSpec("depth_multiplier", "int", 1,
                         _("How many filters per input channel."), minimum=1, maximum=1024),
               activation(), USE_BIAS),
              summary_keys=("kernel_size", "strides")),
    # ---------------------------------------------------------------- Pooling
    LayerSpec("MaxPooling1D", "MaxPooling1D", "Pooling",
              _("Shrinks a sequence by keeping the largest value in each window."),
              pool(1), summary_keys=("pool_size",)),
    LayerSpec("MaxPooling2D", "MaxPooling2D", "Pooling",
              _("Shrinks an image by keeping the strongest signal in each small window; makes "
                "the model faster and less sensitive to exact positions."),
              pool(2), summary_keys=("pool_size",)),
    LayerSpec("AveragePooling1D", "AveragePooling1D", "Pooling",
              _("Shrinks a sequence by averaging each window."), pool(1),
              summary_keys=("pool_size",)),
    LayerSpec("AveragePooling2D", "AveragePooling2D", "Pooling",
              _("Shrinks an image by averaging each small window."), pool(2),
              summary_keys=("pool_size",)),
    LayerSpec("GlobalAveragePooling1D", "GlobalAveragePooling1D", "Pooling",
              _("Averages a whole sequence into one value per channel."),
              (ParamSpec("keepdims", "bool", False, _("Keep the time axis (with length 1).")),)),
    LayerSpec("GlobalAveragePooling2D", "GlobalAveragePooling2D", "Pooling",
              _("Averages each whole feature map into one number per channel; a light "
                "alternative to Flatten before the classifier."),
              (ParamSpec("keepdims", "bool", False, _("Keep the height and width axes (size 1).")),)),
    LayerSpec("GlobalMaxPooling2D", "GlobalMaxPooling2D", "Pooling",
              _("Keeps the strongest value of each whole feature map."),
              (ParamSpec("keepdims", "bool", False, _("Keep the height and width axes (size 1).")),)),
    # -------------------------------------------------------------- Recurrent
    rnn("SimpleRNN", _("Reads a sequence step by step, carrying a simple memory forward.")),
    rnn("LSTM", _("Reads a sequence step by step with a long-term memory; good for time "
                  "series and text.")),
    rnn("GRU", _("Like LSTM with a simpler memory: often as good and a little faster.")),
    LayerSpec("Bidirectional", "Bidirectional", "Recurrent",
              _("Runs a recurrent layer forwards and backwards over the sequence and combines "
                "both, so each step sees what comes before and after."),
              (ParamSpec("layer", "rnn_layer",
                         {"module": "keras.layers", "class_name": "LSTM",
                          "config": {"units": 32, "return_sequences": False},
                          "registered_name": None},
                         _("The recurrent layer run in both directions."), label=N_("Layer")),
               ParamSpec("merge_mode", "choice", "concat",
                         _("How the two directions are combined: side by side (concat), added, "
                           "multiplied or averaged."), choices=("concat", "sum", "mul", "ave"))),
              summary_keys=("layer", "merge_mode")),
    # -------------------------------------------------------------- Attention
    LayerSpec("MultiHeadAttention", "MultiHeadAttention", "Attention",
              _("Lets every position of a sequence look at every other position and pick what "
                "matters (the heart of Transformers). Inputs: query, value, and optionally key."),
              (ParamSpec("num_heads", "int", 2,
                         _("How many attention 'heads' look for different relations at once."),
                         minimum=1, maximum=1024),
               ParamSpec("key_dim", "int", 16,
                         _("Size of each head's query and key vectors."), minimum=1, maximum=BIG),
               ParamSpec("dropout", "float", 0.0,
                         _("Share of attention weights randomly dropped while training."),
                         minimum=0.0, maximum=1.0, exclusive_maximum=True)),
              min_inputs=2, max_inputs=3, call_style="positional",
              port_names=("query", "value", "key"), summary_keys=("num_heads", "key_dim")),
    # ------------------------------------------------------------------ Merge
    LayerSpec("Add", "Add", "Merge", MERGE_HELP + _(" by adding them (as in residual "
                "connections)."), min_inputs=2, max_inputs=None, call_style="list"),
    LayerSpec("Concatenate", "Concatenate", "Merge",
              _("Joins two or more inputs side by side along one axis."),
              (ParamSpec("axis", "int", -1,
                         _("Along which axis to join; -1 means the last (the features)."),
                         minimum=-16, maximum=16),),
              min_inputs=2, max_inputs=None, call_style="list"),
    LayerSpec("Multiply", "Multiply", "Merge", MERGE_HELP + _(" by multiplying them."),
              min_inputs=2, max_inputs=None, call_style="list"),
    LayerSpec("Average", "Average", "Merge", MERGE_HELP + _(" by averaging them."),
              min_inputs=2, max_inputs=None, call_style="list"),
    LayerSpec("Subtract", "Subtract", "Merge",
              _("Subtracts the second input from the first."), min_inputs=2, max_inputs=2,
              call_style="list"),
    # ---------------------------------------------------------- Normalization
    LayerSpec("BatchNormalization", "BatchNormalization", "Normalization",
              _("Rescales values to a steady range during training, which usually makes deep "
                "networks train faster and more reliably."),
              (ParamSpec("momentum", "float", 0.99,
                         _("How slowly the running averages follow each batch (close to 1 = "
                           "slowly)."), minimum=0.0, maximum=1.0),
               ParamSpec("epsilon", "float", 0.001,
                         _("A tiny number that avoids dividing by zero."), minimum=0.0,
                         maximum=1.0),
               ParamSpec("center", "bool", True, _("Learn an offset after normalizing.")),
               ParamSpec("scale", "bool", True, _("Learn a scale after normalizing."))),
              ),
    LayerSpec("LayerNormalization", "LayerNormalization", "Normalization",
              _("Rescales the values of each example to a steady range (used in Transformers "
                "and recurrent models)."),
              (ParamSpec("axis", "axis", -1, _("Which axis is normalized; -1 means the last.")),
               ParamSpec("epsilon", "float", 0.001,
                         _("A tiny number that avoids dividing by zero."), minimum=0.0,
                         maximum=1.0))),
    LayerSpec("Normalization", "Normalization", "Preprocessing",
              _("Shifts and scales each input feature to mean 0 and spread 1, using statistics "
                "learned from the training data."),
              (ParamSpec("axis", "axis", -1,
                         _("Which axis holds the features to normalize separately.")),)),
    # --------------------------------------------------------- Regularization
    LayerSpec("Dropout", "Dropout", "Regularization",
              _("While training, randomly switches off a share of the values so the network "
                "cannot rely on any single one: a simple cure for overfitting."),
              (ParamSpec("rate", "float", 0.5,
                         _("Share of values switched off while training (0 = none, 0.5 = half)."),
                         minimum=0.0, maximum=1.0, exclusive_maximum=True),),
              summary_keys=("rate",)),
    LayerSpec("SpatialDropout2D", "SpatialDropout2D", "Regularization",
              _("Dropout for images: switches off whole feature maps while training."),
              (ParamSpec("rate", "float", 0.2, _("Share of feature maps switched off."),
                         minimum=0.0, maximum=1.0, exclusive_maximum=True),),
              summary_keys=("rate",)),
    LayerSpec("GaussianNoise", "GaussianNoise", "Regularization",
              _("Adds random noise while training so the model learns to ignore small "
                "changes."),
              (ParamSpec("stddev", "float", 0.1, _("How strong the noise is."), minimum=0.0,
                         maximum=1.0),),  # Keras refuses stddev > 1
              summary_keys=("stddev",)),
    # -------------------------------------------------------------- Reshaping
    LayerSpec("Flatten", "Flatten", "Reshaping",
              _("Unrolls a grid (like an image) into one long list of numbers, so Dense layers "
                "can use it.")),
    LayerSpec("Reshape", "Reshape", "Reshaping",
              _("Rearranges the values into a new shape with the same number of values, e.g. "
                "784 numbers into a 28×28×1 image."),
              (ParamSpec("target_shape", "shape", [28, 28, 1],
                         _("The new shape of one example, without the batch size."),
                         label=N_("Target shape")),),
              summary_keys=("target_shape",)),
    LayerSpec("UpSampling2D", "UpSampling2D", "Reshaping",
              _("Makes an image larger by repeating (or blending) its pixels."),
              (ParamSpec("size", "int_tuple", [2, 2], _("How many times larger (rows, columns)."),
                         minimum=1, maximum=1024, length=2),
               ParamSpec("interpolation", "choice", "nearest",
                         _("'nearest' repeats pixels; 'bilinear' blends them smoothly."),
                         choices=("nearest", "bilinear", "bicubic", "lanczos3", "lanczos5",
                                  "area"))),
              summary_keys=("size",)),
    LayerSpec("ZeroPadding2D", "ZeroPadding2D", "Reshaping",
              _("Adds a border of zeros around an image."),
              (ParamSpec("padding", "padding2d", [[1, 1], [1, 1]],
                         _("Border width: one number for all sides, or ((top, bottom), "
                           "(left, right)).")),)),
    LayerSpec("Cropping2D", "Cropping2D", "Reshaping",
              _("Cuts a border off an image."),
              (ParamSpec("cropping", "padding2d", [[1, 1], [1, 1]],
                         _("How much to cut: one number for all sides, or ((top, bottom), "
                           "(left, right)).")),)),
    LayerSpec("RepeatVector", "RepeatVector", "Reshaping",
              _("Repeats a list of numbers n times to make a sequence."),
              (ParamSpec("n", "int", 4, _("How many times to repeat."), minimum=1, maximum=BIG),),
              summary_keys=("n",)),
    # ---------------------------------------------------------- Preprocessing
    LayerSpec("Rescaling", "Rescaling", "Preprocessing",
              _("Multiplies every value by a scale and adds an offset, e.g. 1/255 turns pixel "
                "values 0..255 into 0..1."),
              (ParamSpec("scale", "float", 1 / 255,
                         _("What each value is multiplied by."), minimum=-1e9, maximum=1e9),
               ParamSpec("offset", "float", 0.0, _("What is added after scaling."),
                         minimum=-1e9, maximum=1e9)),
              summary_keys=("scale",)),
    LayerSpec("RandomFlip", "RandomFlip", "Preprocessing",
              _("While training, randomly mirrors images, so the model sees more variety "
                "(data augmentation). Does nothing when predicting."),
              (ParamSpec("mode", "choice", "horizontal",
                         _("Which way images may be flipped."),
                         choices=("horizontal", "vertical", "horizontal_and_vertical")),
               ParamSpec("seed", "optional_int", None,
                         _("Fixes the randomness so runs repeat exactly; empty for random."),
                         minimum=0, maximum=2**31 - 1)),
              summary_keys=("mode",)),
    LayerSpec("RandomRotation", "RandomRotation", "Preprocessing",
              _("While training, randomly rotates images a little (data augmentation). Does "
                "nothing when predicting."),
              (ParamSpec("factor", "float_or_pair", 0.1,
                         _("Largest rotation as a share of a full turn: 0.1 = up to 36 degrees "
                           "either way."), minimum=0.0, maximum=1.0),  # Keras: [-1, 1]
               ParamSpec("fill_mode", "choice", "reflect",
                         _("How the corners uncovered by rotating are filled."),
                         choices=("reflect", "wrap", "constant", "nearest")),
               ParamSpec("seed", "optional_int", None,
                         _("Fixes the randomness so runs repeat exactly; empty for random."),
                         minimum=0, maximum=2**31 - 1)),
              summary_keys=("factor",)),
)

# Text and categorical inputs (their own module: TextVectorization, lookups, hashing).
LAYER_SPECS += TEXT_LAYER_SPECS
