<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Carries a tensor of shape %1</source>
        <translation>传递形状为 %1 的张量</translation>
    </message>
    <message>
        <source>Weights into the next layer: mean %1, mean size %2</source>
        <translation>进入下一层的权重：均值 %1，平均大小 %2</translation>
    </message>
    <message>
        <source>Something unexpected went wrong in a background task (%1).</source>
        <translation>后台任务中发生了意外错误（%1）。</translation>
    </message>
    <message>
        <source>Something unexpected went wrong (%1).</source>
        <translation>发生了意外错误（%1）。</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>The app is still running and your work is kept. To be safe, save your project now (under a new name if in doubt). The details were written to %1.</source>
        <translation>应用仍在运行，你的工作也还在。为了保险，请现在保存项目（如有疑虑，另存为新名称）。详细信息已写入 %1。</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>More settings</source>
        <translation>更多设置</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>e.g. 5, 6, 7, 8, 9 (empty = all)</source>
        <translation>例如 5, 6, 7, 8, 9（留空 = 全部）</translation>
    </message>
    <message>
        <source>Clear %n painted point(s)</source>
        <translation>清除 %n 个绘制的点</translation>
    </message>
    <message>
        <source>No painted points</source>
        <translation>没有绘制的点</translation>
    </message>
    <message>
        <source>Write whole numbers separated by commas, e.g. 5, 6, 7.</source>
        <translation>请写出用逗号分隔的整数，例如 5, 6, 7。</translation>
    </message>
    <message>
        <source>Cannot open the lesson</source>
        <translation>无法打开课程</translation>
    </message>
    <message>
        <source>Opened the lesson “%1” as a new untitled project.</source>
        <translation>已将课程“%1”作为新的未命名项目打开。</translation>
    </message>
    <message>
        <source>Cannot list the lessons</source>
        <translation>无法列出课程</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>添加 %1</translation>
    </message>
    <message>
        <source>Delete %n layer(s)</source>
        <translation>删除 %n 个层</translation>
    </message>
    <message>
        <source>Connect layers</source>
        <translation>连接层</translation>
    </message>
    <message>
        <source>Remove connection</source>
        <translation>删除连接</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>修改 %1</translation>
    </message>
    <message>
        <source>Edit configuration</source>
        <translation>编辑配置</translation>
    </message>
    <message>
        <source>Rename layer</source>
        <translation>重命名层</translation>
    </message>
    <message>
        <source>Freeze layer</source>
        <translation>冻结层</translation>
    </message>
    <message>
        <source>Unfreeze layer</source>
        <translation>解冻层</translation>
    </message>
    <message>
        <source>Move %n layer(s)</source>
        <translation>移动 %n 个层</translation>
    </message>
    <message>
        <source>%1 cannot be empty. %2</source>
        <translation>%1 不能为空。%2</translation>
    </message>
    <message>
        <source>%1: “%2” is not understood. Write numbers separated by commas (%3).</source>
        <translation>%1：无法理解“%2”。请写出用逗号分隔的数（%3）。</translation>
    </message>
    <message>
        <source>Add an output layer</source>
        <translation>添加输出层</translation>
    </message>
    <message>
        <source>Match the dataset</source>
        <translation>与数据集匹配</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Pause / Resume</source>
        <translation>暂停 / 继续(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Reset Weights</source>
        <translation>重置权重(&amp;R)</translation>
    </message>
    <message>
        <source>A table (CSV file)…</source>
        <translation>表格（CSV 文件）…</translation>
    </message>
    <message>
        <source>A folder of pictures…</source>
        <translation>图片文件夹…</translation>
    </message>
    <message>
        <source>Carries a padding mask: for each step of the sequence, whether it is real data or padding, so that the layers after it (RNNs, attention, pooling) skip the padding.</source>
        <translation>携带一个填充掩码：对序列的每一步说明它是真实数据还是填充，让后面的层（循环层、注意力、池化）跳过填充。</translation>
    </message>
    <message>
        <source>Passed explicitly, as the argument %1=.</source>
        <translation>以参数 %1= 显式传入。</translation>
    </message>
    <message>
        <source>Keras passes it along with the data, implicitly.</source>
        <translation>Keras 随数据一起隐式传递它。</translation>
    </message>
</context>
<context>
    <name>AnswerBox</name>
    <message>
        <source>Predicted value: {0}</source>
        <translation>预测值：{0}</translation>
    </message>
</context>
<context>
    <name>AttentionView</name>
    <message>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>Where each word looks: row = the word that looks, column = the word it looks at; darker blue = more attention (each row adds up to 100%). Each head learns its own way of looking.</source>
        <translation>每个词在看哪里：行 = 发出注视的词，列 = 被看的词；蓝色越深 = 注意力越多（每行加起来是 100%）。每个头学会自己的看法。</translation>
    </message>
    <message>
        <source>sample </source>
        <translation>样本 </translation>
    </message>
    <message>
        <source>Which test sentence (or sequence) to look at</source>
        <translation>查看哪个测试句子（或序列）</translation>
    </message>
    <message>
        <source>Which attention layer</source>
        <translation>哪个注意力层</translation>
    </message>
    <message>
        <source>head </source>
        <translation>头 </translation>
    </message>
    <message>
        <source>Train a model with an attention layer (MultiHeadAttention, Attention) to see where it looks.</source>
        <translation>训练一个带注意力层（MultiHeadAttention、Attention）的模型，即可看到它在看哪里。</translation>
    </message>
    <message>
        <source>Sample %1: %2</source>
        <translation>样本 %1：%2</translation>
    </message>
</context>
<context>
    <name>Autosave</name>
    <message>
        <source>Autosave failed: %1</source>
        <translation>自动保存失败：%1</translation>
    </message>
    <message>
        <source>The autosave copy %1 could not be removed: %2</source>
        <translation>无法删除自动保存的副本 %1：%2</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>无法恢复</translation>
    </message>
    <message>
        <source>The autosaved copy could not be opened: %1
It is kept in %2.</source>
        <translation>无法打开自动保存的副本：%1
它保存在 %2。</translation>
    </message>
    <message>
        <source>Restored, but the autosaved copy is kept in %1: %2</source>
        <translation>已恢复，但自动保存的副本仍保留在 %1：%2</translation>
    </message>
    <message>
        <source>Restored unsaved work from %1</source>
        <translation>已从 %1 恢复未保存的工作</translation>
    </message>
    <message>
        <source>Restore unsaved work?</source>
        <translation>恢复未保存的工作？</translation>
    </message>
    <message>
        <source>Keras Playground did not close properly last time. Unsaved work was kept: %1.</source>
        <translation>Keras Playground 上次没有正常关闭。未保存的工作已保留：%1。</translation>
    </message>
    <message>
        <source>Restore opens it as an unsaved project. Discard deletes it. Later asks again at the next start.</source>
        <translation>“恢复”会把它作为未保存的项目打开。“丢弃”会删除它。“稍后”会在下次启动时再次询问。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
</context>
<context>
    <name>BackgroundRunner</name>
    <message>
        <source>Unexpected error ({kind}: {error}). The details were written to {log}.</source>
        <translation>意外错误（{kind}：{error}）。详细信息已写入 {log}。</translation>
    </message>
</context>
<context>
    <name>BoundaryView</name>
    <message>
        <source>Decision boundary</source>
        <translation>决策边界</translation>
    </message>
    <message>
        <source>The background is the model&apos;s answer at every spot; the dots are the data.</source>
        <translation>背景是模型在每个位置给出的答案；圆点是数据。</translation>
    </message>
    <message>
        <source>Show test data</source>
        <translation>显示测试数据</translation>
    </message>
    <message>
        <source>Discretize output</source>
        <translation>离散化输出</translation>
    </message>
    <message>
        <source>Show only the final answer at each spot, without the model&apos;s certainty.</source>
        <translation>每个位置只显示最终答案，不显示模型的确定程度。</translation>
    </message>
    <message>
        <source>Paint points</source>
        <translation>绘制点</translation>
    </message>
    <message>
        <source>Tick, then click or drag on the picture to add points of the chosen class; right-click to erase them.</source>
        <translation>勾选后，在图上单击或拖动即可添加所选类别的点；右键单击可擦除它们。</translation>
    </message>
    <message>
        <source>Value of the points you paint</source>
        <translation>你绘制的点的数值</translation>
    </message>
    <message>
        <source>Class of the points you paint</source>
        <translation>你绘制的点的类别</translation>
    </message>
    <message>
        <source>Train the model (or press &quot;Look at the current weights&quot;) to see what it answers at every spot.</source>
        <translation>训练模型（或按“查看当前权重”），就能看到它在每个位置给出的答案。</translation>
    </message>
    <message>
        <source>{0} training points (white rim), {1} test points (black rim), {2} painted (squares)</source>
        <translation>{0} 个训练点（白边），{1} 个测试点（黑边），{2} 个绘制的点（方块）</translation>
    </message>
</context>
<context>
    <name>CanvasEdits</name>
    <message>
        <source>Insert %1</source>
        <translation>插入 %1</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>添加 %1</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>重新连接</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Cannot paste: %1</source>
        <translation>无法粘贴：%1</translation>
    </message>
    <message>
        <source>Arrange automatically</source>
        <translation>自动排列</translation>
    </message>
</context>
<context>
    <name>CanvasWelcome</name>
    <message>
        <source>Start here: XOR lesson</source>
        <translation>从这里开始：XOR 课程</translation>
    </message>
    <message>
        <source>All lessons…</source>
        <translation>所有课程…</translation>
    </message>
    <message>
        <source>Build your own</source>
        <translation>自己搭建</translation>
    </message>
    <message>
        <source>Drag a layer from the list on the left onto the canvas, or double-click it there.</source>
        <translation>从左侧列表中把一个层拖到画布上，或在那里双击它。</translation>
    </message>
    <message>
        <source>Open your data…</source>
        <translation>打开你的数据…</translation>
    </message>
</context>
<context>
    <name>ConvView</name>
    <message>
        <source>Convolutions</source>
        <translation>卷积</translation>
    </message>
    <message>
        <source>Filters are the small patterns each convolution looks for (blue: adds, orange: subtracts). Feature maps show where in the chosen picture each pattern was found (bright = strongly).</source>
        <translation>卷积核是每个卷积要寻找的小图案（蓝色：增加，橙色：减少）。特征图显示每个图案在所选图片中的位置（越亮 = 越强）。</translation>
    </message>
    <message>
        <source>sample </source>
        <translation>样本 </translation>
    </message>
    <message>
        <source>Which test picture to follow through the layers</source>
        <translation>要在各层中跟踪的测试图片</translation>
    </message>
    <message>
        <source>Train a model with Conv2D layers on images to see them.</source>
        <translation>在图像上训练一个带 Conv2D 层的模型，就能在这里看到它们。</translation>
    </message>
    <message>
        <source>Input picture</source>
        <translation>输入图片</translation>
    </message>
    <message>
        <source>{0}: {1} of {2} filters</source>
        <translation>{0}：{2} 个卷积核中的 {1} 个</translation>
    </message>
    <message>
        <source>{0}: feature maps</source>
        <translation>{0}：特征图</translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message>
        <source>Import a CSV table</source>
        <translation>导入 CSV 表格</translation>
    </message>
    <message>
        <source>Choose a table</source>
        <translation>选择表格</translation>
    </message>
    <message>
        <source>Tables (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>表格 (*.csv *.tsv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>The first row holds the column names</source>
        <translation>第一行是列名</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Tick the columns the model may learn from.</source>
        <translation>勾选模型可以用来学习的列。</translation>
    </message>
    <message>
        <source>Detect from the target</source>
        <translation>根据目标列检测</translation>
    </message>
    <message>
        <source>Classification (categories)</source>
        <translation>分类（类别）</translation>
    </message>
    <message>
        <source>Regression (a number)</source>
        <translation>回归（数值）</translation>
    </message>
    <message>
        <source>Stop and list them</source>
        <translation>停止并列出它们</translation>
    </message>
    <message>
        <source>Leave exactly those rows out</source>
        <translation>只排除这些行</translation>
    </message>
    <message>
        <source>Column to predict:</source>
        <translation>要预测的列：</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>任务：</translation>
    </message>
    <message>
        <source>Test share:</source>
        <translation>测试比例：</translation>
    </message>
    <message>
        <source>Input scaling:</source>
        <translation>输入缩放：</translation>
    </message>
    <message>
        <source>Rows with problems:</source>
        <translation>有问题的行：</translation>
    </message>
    <message>
        <source>Feature columns (inputs):</source>
        <translation>特征列（输入）：</translation>
    </message>
    <message>
        <source>First rows:</source>
        <translation>前几行：</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Tick at least one feature column.</source>
        <translation>请至少勾选一个特征列。</translation>
    </message>
    <message>
        <source>This choice cannot be used: see the problems below.</source>
        <translation>这个选择无法使用：请查看下面的问题。</translation>
    </message>
    <message>
        <source>%1 problem(s) with row and column below. Fix them in the file, untick those columns, or choose to leave those rows out.</source>
        <translation>下面列出了 %1 个问题及其行和列。请在文件中修正它们、取消勾选这些列，或选择排除这些行。</translation>
    </message>
    <message>
        <source>%1 of %2 rows will be used; the %3 rows listed below are left out.</source>
        <translation>将使用 %2 行中的 %1 行；下面列出的 %3 行被排除。</translation>
    </message>
    <message>
        <source>All %1 rows are usable.</source>
        <translation>全部 %1 行均可使用。</translation>
    </message>
</context>
<context>
    <name>DatasetPanel</name>
    <message>
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <source>Choose a table file, its feature columns and the column to predict.</source>
        <translation>选择一个表格文件、它的特征列和要预测的列。</translation>
    </message>
    <message>
        <source>Choose picture folder…</source>
        <translation>选择图片文件夹…</translation>
    </message>
    <message>
        <source>Choose a folder with one sub-folder of pictures per class.</source>
        <translation>选择一个文件夹，其中每个类别一个图片子文件夹。</translation>
    </message>
    <message>
        <source>Choose data folder…</source>
        <translation>选择数据文件夹…</translation>
    </message>
    <message>
        <source>The folder holding mnist.npz, for computers without internet. Remembered for next time.</source>
        <translation>存放 mnist.npz 的文件夹，供没有网络的电脑使用。下次会记住。</translation>
    </message>
    <message>
        <source>Things noticed while loading: they were handled as described, nothing was dropped silently.</source>
        <translation>载入时注意到的情况：都已按说明处理，没有悄悄丢弃任何数据。</translation>
    </message>
    <message>
        <source>Choose the folder that holds mnist.npz</source>
        <translation>选择存放 mnist.npz 的文件夹</translation>
    </message>
    <message>
        <source>No table chosen yet: press Import CSV…</source>
        <translation>尚未选择表格：请按“导入 CSV…”</translation>
    </message>
    <message>
        <source>all other columns</source>
        <translation>所有其他列</translation>
    </message>
    <message>
        <source>the last column</source>
        <translation>最后一列</translation>
    </message>
    <message>
        <source>File %1 — predicts %2 from %3</source>
        <translation>文件 %1 — 根据 %3 预测 %2</translation>
    </message>
    <message>
        <source>No folder chosen yet: press Choose picture folder…</source>
        <translation>尚未选择文件夹：请按“选择图片文件夹…”</translation>
    </message>
    <message>
        <source>The dataset cannot change while training.</source>
        <translation>训练时不能更换数据集。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在载入…</translation>
    </message>
</context>
<context>
    <name>DatasetPreview</name>
    <message>
        <source>Filled dots: training points. Rings: test points.</source>
        <translation>实心点：训练点。圆圈：测试点。</translation>
    </message>
    <message>
        <source>First pictures: %1</source>
        <translation>前几张图片：%1</translation>
    </message>
    <message>
        <source>test part →</source>
        <translation>测试部分 →</translation>
    </message>
</context>
<context>
    <name>DeploymentExports</name>
    <message>
        <source>LiteRT / TensorFlow Lite (.tflite)…</source>
        <translation>LiteRT / TensorFlow Lite（.tflite）…</translation>
    </message>
    <message>
        <source>LiteRT, 8-bit Weights (.tflite)…</source>
        <translation>LiteRT，8 位整数权重（.tflite）…</translation>
    </message>
    <message>
        <source>LiteRT, 16-bit Float Weights (.tflite)…</source>
        <translation>LiteRT，16 位浮点权重（.tflite）…</translation>
    </message>
    <message>
        <source>TensorFlow SavedModel (folder)…</source>
        <translation>TensorFlow SavedModel（文件夹）…</translation>
    </message>
    <message>
        <source>ONNX (.onnx)…</source>
        <translation>ONNX（.onnx）…</translation>
    </message>
    <message>
        <source>Write the model for another runtime, then load it there and compare its outputs with Keras&apos;s.</source>
        <translation>为其他运行时写出模型，然后在那里加载它，并把它的输出与 Keras 的输出比较。</translation>
    </message>
    <message>
        <source>Export LiteRT Model</source>
        <translation>导出 LiteRT 模型</translation>
    </message>
    <message>
        <source>LiteRT models (*.tflite)</source>
        <translation>LiteRT 模型 (*.tflite)</translation>
    </message>
    <message>
        <source>Export TensorFlow SavedModel (a folder)</source>
        <translation>导出 TensorFlow SavedModel（一个文件夹）</translation>
    </message>
    <message>
        <source>SavedModel folders (*)</source>
        <translation>SavedModel 文件夹 (*)</translation>
    </message>
    <message>
        <source>Export ONNX Model</source>
        <translation>导出 ONNX 模型</translation>
    </message>
    <message>
        <source>ONNX models (*.onnx)</source>
        <translation>ONNX 模型 (*.onnx)</translation>
    </message>
    <message>
        <source>Exporting and checking %1…</source>
        <translation>正在导出并检查 %1…</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <source>It matches the Keras model.</source>
        <translation>它与 Keras 模型一致。</translation>
    </message>
    <message>
        <source>It does NOT match the Keras model closely enough: check it before using it.</source>
        <translation>它与 Keras 模型的差异过大：使用前请先检查。</translation>
    </message>
    <message>
        <source>Wrote %1 (%2 KB).</source>
        <translation>已写出 %1（%2 KB）。</translation>
    </message>
    <message>
        <source>Checked with %1 on %2 %3: the largest difference from the Keras model&apos;s outputs is %4 (allowed: %5).</source>
        <translation>已用 %1 在 %2 个%3上检查：与 Keras 模型输出的最大差异为 %4（允许：%5）。</translation>
    </message>
    <message>
        <source>Class names, one per line: %1</source>
        <translation>类别名称（每行一个）：%1</translation>
    </message>
    <message>
        <source>%1 export</source>
        <translation>%1 导出</translation>
    </message>
</context>
<context>
    <name>DesktopEntryAction</name>
    <message>
        <source>Show in the &amp;Application Menu</source>
        <translation>显示在应用程序菜单中(&amp;A)</translation>
    </message>
    <message>
        <source>Put Keras Playground in your desktop&apos;s application menu and open .kpg projects with it on double-click</source>
        <translation>把 Keras Playground 放进桌面的应用程序菜单，双击 .kpg 项目时用它打开</translation>
    </message>
    <message>
        <source>Application menu</source>
        <translation>应用程序菜单</translation>
    </message>
</context>
<context>
    <name>DigitView</name>
    <message>
        <source>Draw a digit</source>
        <translation>手写数字</translation>
    </message>
    <message>
        <source>Draw a digit with the mouse: the bars show how sure the model is of each answer, live. Your drawing is centred and scaled like the MNIST pictures.</source>
        <translation>用鼠标写一个数字：柱状图实时显示模型对每个答案的把握。你的手写会像 MNIST 图片那样居中并缩放。</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Centre like MNIST</source>
        <translation>像 MNIST 一样居中</translation>
    </message>
    <message>
        <source>MNIST digits are scaled to 20x20 pixels and centred; doing the same to your drawing helps the model.</source>
        <translation>MNIST 的数字被缩放到 20x20 像素并居中；对你的手写做同样的处理对模型有帮助。</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>What the model sees: your drawing centred and scaled like the MNIST pictures</source>
        <translation>模型看到的：像 MNIST 图片那样居中并缩放后的手写</translation>
    </message>
    <message>
        <source>The model sees:</source>
        <translation>模型看到的：</translation>
    </message>
    <message>
        <source>Train a model on MNIST to try it with your own drawing.</source>
        <translation>在 MNIST 上训练一个模型，就能用你自己的手写来试试。</translation>
    </message>
    <message>
        <source>The model says: {0} ({1:.0%} sure)</source>
        <translation>模型认为是：{0}（把握 {1:.0%}）</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>Editing is locked: %1</source>
        <translation>编辑已锁定：%1</translation>
    </message>
    <message>
        <source>training is running</source>
        <translation>正在训练</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
</context>
<context>
    <name>EditActions</name>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>创建副本(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>Arrange &amp;Automatically</source>
        <translation>自动排列(&amp;A)</translation>
    </message>
    <message>
        <source>Lay out the whole graph in tidy rows</source>
        <translation>把整个图整齐地按行排列</translation>
    </message>
    <message>
        <source>&amp;Find Layer to Add…</source>
        <translation>查找要添加的层(&amp;F)…</translation>
    </message>
    <message>
        <source>Re&amp;name Layer</source>
        <translation>重命名层(&amp;N)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit Graph</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Snap to Grid</source>
        <translation>对齐网格(&amp;S)</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>Follow the System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>&amp;Getting Started</source>
        <translation>入门指南(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销 %1(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做 %1(&amp;R)</translation>
    </message>
    <message>
        <source>The clipboard holds no layers to paste. Copy layers on the canvas first.</source>
        <translation>剪贴板中没有可粘贴的层。请先在画布上复制层。</translation>
    </message>
    <message>
        <source>Unfreeze (train this layer)</source>
        <translation>解冻（训练这一层）</translation>
    </message>
    <message>
        <source>Freeze (keep weights fixed)</source>
        <translation>冻结（保持权重不变）</translation>
    </message>
    <message>
        <source>Remove Connection</source>
        <translation>删除连接</translation>
    </message>
    <message>
        <source>Getting started</source>
        <translation>入门指南</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Build a model in four steps&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;Drag a layer from &lt;b&gt;Layers&lt;/b&gt; (left) onto the canvas (onto a connection to insert it there), or double-click it to add it after the selected layer.&lt;/li&gt;&lt;li&gt;Connect layers: drag from the dot below a layer to the dot above the next one. Drag a connection&apos;s upper end to another layer to move it, or onto empty canvas to remove it.&lt;/li&gt;&lt;li&gt;Select a layer to change its settings in the &lt;b&gt;Inspector&lt;/b&gt; (right).&lt;/li&gt;&lt;li&gt;Red layers have a problem: hover over them to read what to fix.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Wheel: zoom · middle button or Space+drag: pan · Ctrl+0: fit · Ctrl+Shift+L: arrange · F5: train · arrows: nudge · Delete: remove · Ctrl+Z: undo · Ctrl+F: find a layer to add (Enter adds it) · F2: rename.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;四步搭建一个模型&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;从&lt;b&gt;层&lt;/b&gt;列表（左侧）把一个层拖到画布上（拖到一条连接上即可插入到那里），或双击它，把它添加到所选层之后。&lt;/li&gt;&lt;li&gt;连接各层：从一个层下方的圆点拖到下一个层上方的圆点。把连接的上端拖到另一个层可移动连接，拖到画布空白处可删除连接。&lt;/li&gt;&lt;li&gt;选中一个层，即可在&lt;b&gt;属性检查器&lt;/b&gt;（右侧）中修改它的设置。&lt;/li&gt;&lt;li&gt;红色的层有问题：把鼠标悬停在上面，即可看到如何修正。&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;滚轮：缩放 · 中键或空格+拖动：平移 · Ctrl+0：适应窗口 · Ctrl+Shift+L：排列 · F5：训练 · 方向键：微调 · Delete：删除 · Ctrl+Z：撤销 · Ctrl+F：查找要添加的层（按 Enter 添加）· F2：重命名。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>EmbeddingView</name>
    <message>
        <source>Word map</source>
        <translation>词向量图</translation>
    </message>
    <message>
        <source>Each word where its learned vector puts it (the two directions in which the vectors differ most, by PCA). Words the model treats alike end up close together; watch them move while it trains.</source>
        <translation>每个词放在它学到的向量所决定的位置（向量差别最大的两个方向，用 PCA 求得）。模型对待相似的词会靠在一起；训练时看它们移动。</translation>
    </message>
    <message>
        <source>Find a word…</source>
        <translation>查找一个词…</translation>
    </message>
    <message>
        <source>Type a word to highlight it and list the words closest to it (cosine similarity of the vectors).</source>
        <translation>输入一个词，突出显示它并列出与它最接近的词（向量的余弦相似度）。</translation>
    </message>
    <message>
        <source>The nearest words and their cosine similarity (1 = pointing the same way)</source>
        <translation>最接近的词及其余弦相似度（1 = 指向同一方向）</translation>
    </message>
    <message>
        <source>Train a text model whose TextVectorization (or StringLookup) feeds an Embedding to see its word map.</source>
        <translation>训练一个由 TextVectorization（或 StringLookup）连接到 Embedding 的文本模型，即可看到它的词向量图。</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Import Keras Model (.keras)…</source>
        <translation>导入 Keras 模型 (.keras)(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Include the Data Preparation</source>
        <translation>包含数据准备</translation>
    </message>
    <message>
        <source>Put the dataset&apos;s scaling and category lookups at the front of the exported model as Keras layers, so it takes raw data.</source>
        <translation>把数据集的缩放和类别查找作为 Keras 层放在导出模型的最前面，使它接收原始数据。</translation>
    </message>
    <message>
        <source>Keras Model (.keras)…</source>
        <translation>Keras 模型 (.keras)…</translation>
    </message>
    <message>
        <source>Python Script (.py)…</source>
        <translation>Python 脚本 (.py)…</translation>
    </message>
    <message>
        <source>Canvas as PNG Image…</source>
        <translation>画布导出为 PNG 图片…</translation>
    </message>
    <message>
        <source>Canvas as SVG Drawing…</source>
        <translation>画布导出为 SVG 图形…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>“%1” has changes that are not saved. Save them first?</source>
        <translation>“%1”有尚未保存的更改。要先保存吗？</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Projects and Keras models (*%1 *.keras);;Projects (*%1);;Keras models (*.keras)</source>
        <translation>项目和 Keras 模型 (*%1 *.keras);;项目 (*%1);;Keras 模型 (*.keras)</translation>
    </message>
    <message>
        <source>Cannot open file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <source>%1 does not exist (any more). Check the name, or whether it was moved.</source>
        <translation>%1 不存在（或已不存在）。请检查名称，或它是否被移动了。</translation>
    </message>
    <message>
        <source>%1 is not a Keras Playground project (%2) or a Keras model (.keras).</source>
        <translation>%1 既不是 Keras Playground 项目（%2），也不是 Keras 模型（.keras）。</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <source>Save Project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <source>Keras Playground projects (*%1)</source>
        <translation>Keras Playground 项目 (*%1)</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>%1 could not be saved: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>清除列表</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <source>Import Keras Model</source>
        <translation>导入 Keras 模型</translation>
    </message>
    <message>
        <source>Keras models (*.keras)</source>
        <translation>Keras 模型 (*.keras)</translation>
    </message>
    <message>
        <source>Imported %1 (%2 layers)</source>
        <translation>已导入 %1（%2 层）</translation>
    </message>
    <message>
        <source>Imported with suspicious weights</source>
        <translation>已导入，但权重可疑</translation>
    </message>
    <message>
        <source>%1 was imported, but:</source>
        <translation>%1 已导入，但是：</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <source>Export Keras Model</source>
        <translation>导出 Keras 模型</translation>
    </message>
    <message>
        <source>Exported %1 with its trained weights</source>
        <translation>已导出 %1，包含训练好的权重</translation>
    </message>
    <message>
        <source>Exported %1 (untrained)</source>
        <translation>已导出 %1（未训练）</translation>
    </message>
    <message>
        <source> — %1 changed since training and start from fresh weights</source>
        <translation> — %1 在训练后被修改过，将从新初始化的权重开始</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>正在导出 %1…</translation>
    </message>
    <message>
        <source>Export Python Script</source>
        <translation>导出 Python 脚本</translation>
    </message>
    <message>
        <source>Python scripts (*.py)</source>
        <translation>Python 脚本 (*.py)</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG 图形 (*.svg)</translation>
    </message>
    <message>
        <source>Export Canvas</source>
        <translation>导出画布</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <source>%1 could not be written. Check that the folder exists and is writable.</source>
        <translation>无法写入 %1。请检查文件夹是否存在并且可写。</translation>
    </message>
</context>
<context>
    <name>GraphScene</name>
    <message>
        <source>Another call of the layer %1: one layer, one set of weights. Edit it there.</source>
        <translation>层 %1 的另一次调用：同一个层，同一组权重。请在那里编辑。</translation>
    </message>
    <message>
        <source>Double-click to open it and see its inside.</source>
        <translation>双击打开它，查看其内部。</translation>
    </message>
    <message>
        <source>%1 params</source>
        <translation>%1 个参数</translation>
    </message>
    <message>
        <source>shares weights</source>
        <translation>共享权重</translation>
    </message>
    <message>
        <source>Same layer, same weights</source>
        <translation>同一个层，同一组权重</translation>
    </message>
</context>
<context>
    <name>GraphView</name>
    <message>
        <source>Drag layers here from the list on the left, or double-click one to add it below the selected layer.
Connect two layers by dragging from the dot under one to the dot above the other.</source>
        <translation>从左侧列表把层拖到这里，或双击一个层，把它添加到所选层的下方。
从一个层下方的圆点拖到另一个层上方的圆点，即可连接两个层。</translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <source>Inside %1</source>
        <translation>%1 的内部</translation>
    </message>
    <message>
        <source>Click a layer to see its settings.</source>
        <translation>点击一个层查看它的设置。</translation>
    </message>
    <message>
        <source>Trainable (uncheck to freeze the weights)</source>
        <translation>可训练（取消勾选即冻结权重）</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Close and keep changes</source>
        <translation>关闭并保留更改</translation>
    </message>
    <message>
        <source>The configuration is not valid JSON (line %1): %2</source>
        <translation>配置不是有效的 JSON（第 %1 行）：%2</translation>
    </message>
    <message>
        <source>The configuration must be a JSON object.</source>
        <translation>配置必须是一个 JSON 对象。</translation>
    </message>
    <message>
        <source>Edit inside %1</source>
        <translation>编辑 %1 的内部</translation>
    </message>
</context>
<context>
    <name>HealthView</name>
    <message>
        <source>Training health</source>
        <translation>训练健康状况</translation>
    </message>
    <message>
        <source>Checks each layer for common troubles: units that stopped working (dead ReLUs), squashed units (saturated sigmoid/tanh), and corrections that fade away or blow up (vanishing / exploding gradients); and the set-up: layers without an activation, an output that does not fit the task, a learning rate far off, a loss that does not move.</source>
        <translation>检查每一层的常见问题：停止工作的单元（死亡 ReLU）、被压扁的单元（饱和的 sigmoid/tanh），以及逐渐消失或急剧膨胀的修正量（梯度消失 / 梯度爆炸）；还检查模型的设置：没有激活函数的层、与任务不符的输出、远远偏离的学习率、不再变化的损失。</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>发现</translation>
    </message>
    <message>
        <source>Train the model to check its health.</source>
        <translation>训练模型后即可检查它的健康状况。</translation>
    </message>
    <message>
        <source>dead units {0:.0%}</source>
        <translation>死亡单元 {0:.0%}</translation>
    </message>
    <message>
        <source>saturated units {0:.0%}</source>
        <translation>饱和单元 {0:.0%}</translation>
    </message>
    <message>
        <source>gradient size {0:.2g}</source>
        <translation>梯度大小 {0:.2g}</translation>
    </message>
    <message>
        <source>✓ looks healthy</source>
        <translation>✓ 看起来很健康</translation>
    </message>
    <message>
        <source>Try: {0}</source>
        <translation>试试：{0}</translation>
    </message>
</context>
<context>
    <name>HeatMap</name>
    <message>
        <source>“%1” looks at “%2”: %3 of its attention</source>
        <translation>“%1”看“%2”：占它注意力的 %3</translation>
    </message>
</context>
<context>
    <name>ImageFolderDialog</name>
    <message>
        <source>Use a folder of pictures</source>
        <translation>使用图片文件夹</translation>
    </message>
    <message>
        <source>Type or paste a folder, or Browse…</source>
        <translation>输入或粘贴一个文件夹，或点“浏览…”</translation>
    </message>
    <message>
        <source>Choose the folder whose sub-folders are the classes</source>
        <translation>选择子文件夹即为各类别的文件夹</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Put the pictures of each class in their own sub-folder, e.g. pets/cats/… and pets/dogs/…, then choose pets.</source>
        <translation>把每个类别的图片放进各自的子文件夹，例如 pets/cats/… 和 pets/dogs/…，然后选择 pets。</translation>
    </message>
    <message>
        <source> pixels</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>Pictures are resized to this square size: small sizes train much faster.</source>
        <translation>图片会缩放成这个大小的正方形：尺寸小的训练快得多。</translation>
    </message>
    <message>
        <source>Grey (1 channel)</source>
        <translation>灰度（1 个通道）</translation>
    </message>
    <message>
        <source>Colour (red, green, blue)</source>
        <translation>彩色（红、绿、蓝）</translation>
    </message>
    <message>
        <source>Image size:</source>
        <translation>图片大小：</translation>
    </message>
    <message>
        <source>Colours:</source>
        <translation>颜色：</translation>
    </message>
    <message>
        <source>Classes found:</source>
        <translation>找到的类别：</translation>
    </message>
    <message>
        <source>Choose a folder.</source>
        <translation>请选择一个文件夹。</translation>
    </message>
    <message>
        <source>%1 — %2 file(s)</source>
        <translation>%1 — %2 个文件</translation>
    </message>
    <message>
        <source>%1 classes, %2 files.</source>
        <translation>%1 个类别，%2 个文件。</translation>
    </message>
    <message>
        <source>A folder needs at least two sub-folders with pictures in each (one per class).</source>
        <translation>文件夹至少需要两个子文件夹，每个子文件夹里都有图片（每个类别一个）。</translation>
    </message>
</context>
<context>
    <name>InsightPanel</name>
    <message>
        <source>Paint points</source>
        <translation>绘制点</translation>
    </message>
    <message>
        <source>Look at the current weights</source>
        <translation>查看当前权重</translation>
    </message>
    <message>
        <source>Build the model with its current weights and fill every view (when not training).</source>
        <translation>用当前权重构建模型并填充所有视图（不在训练时）。</translation>
    </message>
    <message>
        <source>Boundary</source>
        <translation>边界</translation>
    </message>
    <message>
        <source>Neurons</source>
        <translation>神经元</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Draw a digit</source>
        <translation>手写数字</translation>
    </message>
    <message>
        <source>Convolutions</source>
        <translation>卷积</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康</translation>
    </message>
    <message>
        <source>Try it</source>
        <translation>试一试</translation>
    </message>
    <message>
        <source>TensorFlow is still loading; try again in a moment.</source>
        <translation>TensorFlow 仍在载入，请稍后再试。</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>Word map</source>
        <translation>词向量图</translation>
    </message>
</context>
<context>
    <name>InsightView</name>
    <message>
        <source>Save as PNG…</source>
        <translation>另存为 PNG…</translation>
    </message>
    <message>
        <source>Save this picture as a PNG image file.</source>
        <translation>把这张图保存为 PNG 图片文件。</translation>
    </message>
    <message>
        <source>Save picture</source>
        <translation>保存图片</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Could not write {0}. Check that the folder exists and you may write to it.</source>
        <translation>无法写入 {0}。请检查文件夹是否存在、你是否有写入权限。</translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <source>%1 layers selected</source>
        <translation>已选择 %1 个层</translation>
    </message>
    <message>
        <source>Select a single layer to change its settings. Freezing keeps the weights of all selected layers fixed during training (e.g. the pretrained part of an imported model).</source>
        <translation>选择单个层才能修改它的设置。冻结会让所有选中层的权重在训练中保持不变（例如导入模型中预训练的部分）。</translation>
    </message>
    <message>
        <source>Freeze selected</source>
        <translation>冻结所选层</translation>
    </message>
    <message>
        <source>Unfreeze selected</source>
        <translation>解冻所选层</translation>
    </message>
    <message>
        <source>Freeze layers</source>
        <translation>冻结层</translation>
    </message>
    <message>
        <source>Unfreeze layers</source>
        <translation>解冻层</translation>
    </message>
    <message>
        <source>No layer selected</source>
        <translation>未选择层</translation>
    </message>
    <message>
        <source>Click a layer on the canvas to see and change its settings here. Drag layers in from the list on the left.</source>
        <translation>单击画布上的一个层，即可在这里查看和修改它的设置。从左侧列表把层拖进来。</translation>
    </message>
    <message>
        <source>Match the dataset</source>
        <translation>与数据集匹配</translation>
    </message>
    <message>
        <source>Set the Input&apos;s shape and the output layer&apos;s units and activation to what the chosen dataset needs (one undo step).</source>
        <translation>把 Input 的形状以及输出层的 units 和激活函数设置为所选数据集需要的值（一步即可撤销）。</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Trainable (uncheck to freeze the weights)</source>
        <translation>可训练（取消勾选即冻结权重）</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Keras configuration</source>
        <translation>Keras 配置</translation>
    </message>
    <message>
        <source>This layer has no form: edit its Keras configuration (JSON) and press Apply. Keras checks it before it is used.</source>
        <translation>这个层没有表单：请编辑它的 Keras 配置（JSON）并按“应用”。使用前 Keras 会检查它。</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>automatic: %1</source>
        <translation>自动：%1</translation>
    </message>
    <message>
        <source>Inputs: %1</source>
        <translation>输入：%1</translation>
    </message>
    <message>
        <source>Output shape and parameters appear once TensorFlow has loaded.</source>
        <translation>TensorFlow 载入后会显示输出形状和参数数量。</translation>
    </message>
    <message>
        <source>Output shape: —</source>
        <translation>输出形状：—</translation>
    </message>
    <message>
        <source>Output shape: &lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Parameters: &lt;b&gt;%2&lt;/b&gt; (%3 trainable)</source>
        <translation>输出形状：&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;参数：&lt;b&gt;%2&lt;/b&gt;（可训练 %3）</translation>
    </message>
    <message>
        <source>The configuration is not valid JSON (line %1, column %2): %3</source>
        <translation>配置不是有效的 JSON（第 %1 行，第 %2 列）：%3</translation>
    </message>
    <message>
        <source>The configuration must be a JSON object: { &quot;key&quot;: value, … }.</source>
        <translation>配置必须是一个 JSON 对象：{ &quot;key&quot;: value, … }。</translation>
    </message>
    <message>
        <source>Keras refused this configuration: %1</source>
        <translation>Keras 拒绝了这个配置：%1</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>The app is already in this language.</source>
        <translation>应用已经是这种语言了。</translation>
    </message>
    <message>
        <source>The language changes when you restart Keras Playground.</source>
        <translation>重新启动 Keras Playground 后语言才会更改。</translation>
    </message>
</context>
<context>
    <name>LaunchKitDialog</name>
    <message>
        <source>Run on several machines</source>
        <translation>在多台机器上运行</translation>
    </message>
    <message>
        <source>Writes a folder to copy to every machine: the project, one command per machine, a TF_CONFIG example and a README. Each machine trains on its share of every batch; all end with the same weights.</source>
        <translation>写出一个要复制到每台机器上的文件夹：其中有项目、每台机器各一条命令、一个 TF_CONFIG 示例和一份 README。每台机器训练每个批次中属于自己的一份，最终都得到相同的权重。</translation>
    </message>
    <message>
        <source>Allow public addresses (anyone who reaches the ports can read and write files)</source>
        <translation>允许公网地址（任何能访问这些端口的人都可以读写文件）</translation>
    </message>
    <message>
        <source>Every machine as address:port, separated by commas; the first one (the chief) writes the results.</source>
        <translation>每台机器写成 地址:端口，用逗号分隔；第一台（主节点）写出结果。</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Machines:</source>
        <translation>机器：</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>Write kit</source>
        <translation>写出启动包</translation>
    </message>
    <message>
        <source>Folder for the launch kit</source>
        <translation>启动包所在的文件夹</translation>
    </message>
    <message>
        <source>Written to %1. Run on each machine, in that folder:</source>
        <translation>已写入 %1。请在每台机器的该文件夹中运行：</translation>
    </message>
</context>
<context>
    <name>LayerView</name>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Biases</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>Activation: {0} (dashed: its slope)</source>
        <translation>激活函数：{0}（虚线：它的斜率）</translation>
    </message>
    <message>
        <source>Weight histograms appear once the model has been built for training.</source>
        <translation>为训练构建模型后会显示权重直方图。</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>biases</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>{0}: mean {1:.3g}, spread {2:.3g}</source>
        <translation>{0}：均值 {1:.3g}，离散度 {2:.3g}</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <source>Your notes about this project (saved with it).</source>
        <translation>你对这个项目的笔记（随项目保存）。</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>笔记：</translation>
    </message>
    <message>
        <source>Your project</source>
        <translation>你的项目</translation>
    </message>
    <message>
        <source>No lesson for this project. Open one with File ▸ Open Lesson…</source>
        <translation>这个项目没有课程。可通过“文件 ▸ 打开课程…”打开一个。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Reset &amp;Layout</source>
        <translation>重置布局(&amp;L)</translation>
    </message>
    <message>
        <source>Put every panel back where it was when the app was first opened.</source>
        <translation>把每个面板放回应用首次打开时的位置。</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Device: automatic</source>
        <translation>设备：自动</translation>
    </message>
    <message>
        <source>TensorFlow: loading…</source>
        <translation>TensorFlow：正在载入…</translation>
    </message>
    <message>
        <source>TensorFlow loads in the background; shapes and training become available once it is ready.</source>
        <translation>TensorFlow 在后台载入；载入完成后即可计算形状和训练。</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>设备：%1</translation>
    </message>
    <message>
        <source>Shapes could not be worked out: %1</source>
        <translation>无法计算形状：%1</translation>
    </message>
    <message>
        <source>TensorFlow: ready</source>
        <translation>TensorFlow：就绪</translation>
    </message>
    <message>
        <source>TensorFlow loaded in %1 s.</source>
        <translation>TensorFlow 载入用时 %1 秒。</translation>
    </message>
    <message>
        <source>TensorFlow: not available</source>
        <translation>TensorFlow：不可用</translation>
    </message>
    <message>
        <source>1 layer</source>
        <translation>1 个层</translation>
    </message>
    <message>
        <source>%1 layers</source>
        <translation>%1 个层</translation>
    </message>
    <message>
        <source>%1 parameters</source>
        <translation>%1 个参数</translation>
    </message>
    <message>
        <source>Editing locked</source>
        <translation>编辑已锁定</translation>
    </message>
    <message>
        <source>%1[*] — Keras Playground</source>
        <translation>%1[*] — Keras Playground</translation>
    </message>
    <message>
        <source>Open &amp;Lesson…</source>
        <translation>打开课程(&amp;L)…</translation>
    </message>
    <message>
        <source>Open a ready-made lesson (XOR, MNIST, perceptron…) as a new untitled project.</source>
        <translation>把一个现成的课程（XOR、MNIST、感知机…）作为新的未命名项目打开。</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>Run on several machines…</source>
        <translation>在多台机器上运行…</translation>
    </message>
    <message>
        <source>Write a launch kit to train this project on several machines with TensorFlow&apos;s multi-worker strategy</source>
        <translation>写出启动包，用 TensorFlow 的多工作节点策略在多台机器上训练这个项目</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>属性检查器</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Inside the network</source>
        <translation>网络内部</translation>
    </message>
    <message>
        <source>Tune</source>
        <translation>调参</translation>
    </message>
    <message>
        <source>Model summary</source>
        <translation>模型摘要</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <source>Neurons</source>
        <translation>神经元</translation>
    </message>
    <message>
        <source>Each square shows one neuron&apos;s output for every (x, y) spot: blue where it is high, orange where it is low. Lines are weights: blue positive, orange negative, thicker is stronger. Hover a square to enlarge it, a line to read its value.</source>
        <translation>每个方块显示一个神经元在每个 (x, y) 位置的输出：高处为蓝色，低处为橙色。线条表示权重：蓝色为正，橙色为负，越粗越强。鼠标悬停在方块上可放大，悬停在线条上可读出数值。</translation>
    </message>
    <message>
        <source>Train a model on 2-D points to see its neurons.</source>
        <translation>在二维点数据上训练一个模型，就能看到它的神经元。</translation>
    </message>
    <message>
        <source>weight {0:.4f}</source>
        <translation>权重 {0:.4f}</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>{0} (first {1} of {2})</source>
        <translation>{0}（{2} 个中的前 {1} 个）</translation>
    </message>
    <message>
        <source>{0}, unit {1}</source>
        <translation>{0}，单元 {1}</translation>
    </message>
    <message>
        <source>input x1</source>
        <translation>输入 x1</translation>
    </message>
    <message>
        <source>input x2</source>
        <translation>输入 x2</translation>
    </message>
</context>
<context>
    <name>PalettePanel</name>
    <message>
        <source>Search layers…</source>
        <translation>搜索层…</translation>
    </message>
    <message>
        <source>Drag a layer onto the canvas, or double-click it to add it after the selected layer.</source>
        <translation>把一个层拖到画布上，或双击它，把它添加到所选层之后。</translation>
    </message>
</context>
<context>
    <name>ParamEditor</name>
    <message>
        <source>e.g. 3, 3</source>
        <translation>例如 3, 3</translation>
    </message>
    <message>
        <source>empty = same as pool size</source>
        <translation>留空 = 与池化窗口大小相同</translation>
    </message>
    <message>
        <source>e.g. 7, 7, 64</source>
        <translation>例如 7, 7, 64</translation>
    </message>
    <message>
        <source>e.g. 28, 28, 1</source>
        <translation>例如 28, 28, 1</translation>
    </message>
    <message>
        <source>e.g. 1  or  1, 2</source>
        <translation>例如 1  或  1, 2</translation>
    </message>
    <message>
        <source>e.g. 0.1  or  -0.2, 0.2</source>
        <translation>例如 0.1  或  -0.2, 0.2</translation>
    </message>
    <message>
        <source>e.g. -1</source>
        <translation>例如 -1</translation>
    </message>
    <message>
        <source>empty = none</source>
        <translation>留空 = 无</translation>
    </message>
    <message>
        <source>e.g. 1, 1</source>
        <translation>例如 1, 1</translation>
    </message>
    <message>
        <source>see the help below</source>
        <translation>见下方说明</translation>
    </message>
</context>
<context>
    <name>PresetsGallery</name>
    <message>
        <source>Lessons: open a preset</source>
        <translation>课程：打开一个预设</translation>
    </message>
    <message>
        <source>The lesson opens as a new, untitled project: your files and the preset stay as they are.</source>
        <translation>课程会作为新的未命名项目打开：你的文件和预设都保持不变。</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>RegressionView</name>
    <message>
        <source>Predictions</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Train a model that predicts numbers to compare its answers with the truth.</source>
        <translation>训练一个预测数值的模型，就能把它的答案和真实值比较。</translation>
    </message>
    <message>
        <source>Each dot is one example: across, the true value; up, the model&apos;s answer. On the diagonal line the answer is exactly right.</source>
        <translation>每个点是一个样本：横轴是真实值，纵轴是模型的答案。落在对角线上表示答案完全正确。</translation>
    </message>
    <message>
        <source>true value</source>
        <translation>真实值</translation>
    </message>
    <message>
        <source>predicted value</source>
        <translation>预测值</translation>
    </message>
    <message>
        <source>Typical error: {0:.3g}. Fit score R²: {1:.3f} (1 is perfect, 0 is no better than always guessing the average).</source>
        <translation>典型误差：{0:.3g}。拟合得分 R²：{1:.3f}（1 为完美，0 表示不比总是猜平均值更好）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Learned:&lt;/b&gt; F = {0:.4f} · C + {1:.3f} &amp;nbsp;&amp;nbsp; &lt;b&gt;Real rule:&lt;/b&gt; F = {2:g} · C + {3:g}</source>
        <translation>&lt;b&gt;学到的：&lt;/b&gt;F = {0:.4f} · C + {1:.3f} &amp;nbsp;&amp;nbsp; &lt;b&gt;真实规则：&lt;/b&gt;F = {2:g} · C + {3:g}</translation>
    </message>
    <message>
        <source>The real series and the model&apos;s forecast of each next value, made from the values just before it.</source>
        <translation>真实序列，以及模型根据前面的值对每个下一个值的预测。</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Grey: the real series. Orange: the model&apos;s forecast of each next value from the values before it. Typical error: {0:.3g}.</source>
        <translation>灰色：真实序列。橙色：模型根据前面的值对每个下一个值的预测。典型误差：{0:.3g}。</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Rows are the true classes, columns what the model answered: the diagonal counts the right answers. Below: samples the model got wrong, most confident first.</source>
        <translation>行是真实类别，列是模型的答案：对角线上是答对的数量。下方：模型答错的样本，最有把握的排在前面。</translation>
    </message>
    <message>
        <source>true class</source>
        <translation>真实类别</translation>
    </message>
    <message>
        <source>predicted class</source>
        <translation>预测类别</translation>
    </message>
    <message>
        <source>accuracy per class</source>
        <translation>各类别的准确率</translation>
    </message>
    <message>
        <source>Train a classifier to see its results.</source>
        <translation>训练一个分类器，就能看到它的结果。</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Accuracy on the {0} data: {1:.1%} ({2} of {3} wrong)</source>
        <translation>{0}数据上的准确率：{1:.1%}（{3} 个中错了 {2} 个）</translation>
    </message>
    <message>
        <source>said {0} ({1:.0%})
was {2}</source>
        <translation>答 {0}（{1:.0%}）
实为 {2}</translation>
    </message>
</context>
<context>
    <name>SearchField</name>
    <message>
        <source>search this</source>
        <translation>搜索此项</translation>
    </message>
    <message>
        <source>Let the hyper-parameter search (Tune panel) try values of this field in the range or set given here.</source>
        <translation>让超参数搜索（调参面板）在这里给出的范围或集合中尝试这个字段的值。</translation>
    </message>
    <message>
        <source>log</source>
        <translation>对数</translation>
    </message>
    <message>
        <source>Try values spread evenly in orders of magnitude (0.001, 0.01, 0.1) rather than in equal steps.</source>
        <translation>按数量级均匀地尝试取值（0.001、0.01、0.1），而不是按相等的步长。</translation>
    </message>
    <message>
        <source>choices, separated by commas</source>
        <translation>选项，用逗号分隔</translation>
    </message>
    <message>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <source>automatic (from the data)</source>
        <translation>自动（根据数据）</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>stop when it stops improving</source>
        <translation>不再改善时停止</translation>
    </message>
    <message>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>write TensorBoard logs</source>
        <translation>写入 TensorBoard 日志</translation>
    </message>
    <message>
        <source>Automatic (GPU if available)</source>
        <translation>自动（有 GPU 时用 GPU）</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>How the weights are changed after each batch. Adam adapts its steps by itself and is a good start; SGD is the plain textbook method.</source>
        <translation>每个批次之后如何修改权重。Adam 会自己调整步长，是不错的起点；SGD 是教科书上的基本方法。</translation>
    </message>
    <message>
        <source>How big each correction step is. Too high: the loss jumps around or explodes. Too low: learning crawls. 0.001 suits Adam; SGD often needs 0.01–0.1.</source>
        <translation>每一步修正的幅度。太大：损失上下乱跳甚至爆炸。太小：学得很慢。Adam 适合 0.001；SGD 通常需要 0.01–0.1。</translation>
    </message>
    <message>
        <source>The number training tries to make small: how wrong the predictions are. Automatic picks cross-entropy for classes and mean squared error for numbers.</source>
        <translation>训练要尽量减小的数：预测错得有多离谱。“自动”对类别选择交叉熵，对数值选择均方误差。</translation>
    </message>
    <message>
        <source>An extra score that is easier to read than the loss, e.g. accuracy = share of examples classified right.</source>
        <translation>比损失更容易看懂的额外分数，例如准确率 = 分类正确的样本比例。</translation>
    </message>
    <message>
        <source>An epoch is one pass over all training examples. More epochs = more practice, but too many can memorise the data.</source>
        <translation>一个轮次就是把所有训练样本过一遍。轮次越多练习越多，但太多可能会死记数据。</translation>
    </message>
    <message>
        <source>How many examples are looked at before each weight update. One batch = one iteration (step). Small batches: noisy but frequent updates; large: smooth but fewer.</source>
        <translation>每次更新权重之前查看多少个样本。一个批次 = 一次迭代（一步）。批次小：更新频繁但有噪声；批次大：平稳但更新次数少。</translation>
    </message>
    <message>
        <source>Share of the training examples kept aside to check the model on data it never trained on (ignored when the dataset has its own validation set).</source>
        <translation>留出来检查模型的训练样本比例，模型从未在这些数据上训练过（数据集自带验证集时忽略）。</translation>
    </message>
    <message>
        <source>Stop by itself when the watched value has not improved for &apos;patience&apos; epochs.</source>
        <translation>被监视的值在“耐心值”个轮次内都没有改善时，自动停止。</translation>
    </message>
    <message>
        <source>How many epochs without improvement to wait before stopping early.</source>
        <translation>提前停止之前，要等待多少个没有改善的轮次。</translation>
    </message>
    <message>
        <source>The value early stopping watches: val_loss (loss on the validation examples) is the usual choice.</source>
        <translation>提前停止监视的值：通常选择 val_loss（验证样本上的损失）。</translation>
    </message>
    <message>
        <source>A fixed number makes runs repeatable (same shuffling and starting weights); &apos;random&apos; gives a different run each time.</source>
        <translation>固定的数字让每次运行都可重复（同样的打乱顺序和初始权重）；“随机”则每次都不同。</translation>
    </message>
    <message>
        <source>Where the arithmetic runs. Automatic uses the GPU when TensorFlow finds one, else the CPU.</source>
        <translation>计算在哪里运行。“自动”在 TensorFlow 找到 GPU 时使用 GPU，否则使用 CPU。</translation>
    </message>
    <message>
        <source>Also record each run for TensorBoard (the loss and metrics per epoch, the model&apos;s graph, how the weights spread), in a folder beside the project file. Help ▸ TensorBoard Logs shows how to open them.</source>
        <translation>同时为 TensorBoard 记录每次运行（每轮的损失和指标、模型的计算图、权重的分布），保存在项目文件旁的文件夹中。“帮助 ▸ TensorBoard 日志”说明如何打开它们。</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批次大小</translation>
    </message>
    <message>
        <source>Validation split</source>
        <translation>验证集比例</translation>
    </message>
    <message>
        <source>Early stopping</source>
        <translation>提前停止</translation>
    </message>
    <message>
        <source>Patience</source>
        <translation>耐心值</translation>
    </message>
    <message>
        <source>Watch</source>
        <translation>监视</translation>
    </message>
    <message>
        <source>Random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>TensorBoard</source>
        <translation>TensorBoard</translation>
    </message>
    <message>
        <source>Point at or click a setting to see what it means.</source>
        <translation>把鼠标指向或单击一个设置，即可看到它的含义。</translation>
    </message>
</context>
<context>
    <name>SummaryPanel</name>
    <message>
        <source>Layer (type)</source>
        <translation>层（类型）</translation>
    </message>
    <message>
        <source>Output shape</source>
        <translation>输出形状</translation>
    </message>
    <message>
        <source>Param #</source>
        <translation>参数数量</translation>
    </message>
    <message>
        <source>Connected to</source>
        <translation>连接到</translation>
    </message>
    <message>
        <source>Shapes and parameter counts appear once TensorFlow has loaded.</source>
        <translation>TensorFlow 载入后会显示形状和参数数量。</translation>
    </message>
    <message>
        <source>Total params: %1   ·   Trainable params: %2   ·   Non-trainable params: %3</source>
        <translation>参数总数：%1   ·   可训练参数：%2   ·   不可训练参数：%3</translation>
    </message>
</context>
<context>
    <name>TensorBoardHelp</name>
    <message>
        <source>&amp;TensorBoard Logs…</source>
        <translation>TensorBoard 日志(&amp;T)…</translation>
    </message>
    <message>
        <source>Where this project&apos;s training logs are, and the command that opens them in TensorBoard</source>
        <translation>这个项目的训练日志在哪里，以及在 TensorBoard 中打开它们的命令</translation>
    </message>
    <message>
        <source>Logs of %1 run(s) are there.</source>
        <translation>那里有 %1 次运行的日志。</translation>
    </message>
    <message>
        <source>There are none yet: tick “write TensorBoard logs” in the training settings, then train.</source>
        <translation>目前还没有：请在训练设置中勾选“写入 TensorBoard 日志”，然后训练。</translation>
    </message>
    <message>
        <source>With “write TensorBoard logs” on, each training run of this project is recorded in its own folder under:</source>
        <translation>打开“写入 TensorBoard 日志”后，这个项目的每次训练都会记录在以下位置下各自的文件夹中：</translation>
    </message>
    <message>
        <source>To see them, run this command in a terminal and open http://localhost:6006 in a web browser:</source>
        <translation>要查看它们，请在终端中运行以下命令，然后在网页浏览器中打开 http://localhost:6006：</translation>
    </message>
    <message>
        <source>TensorBoard Logs</source>
        <translation>TensorBoard 日志</translation>
    </message>
    <message>
        <source>Copy Command</source>
        <translation>复制命令</translation>
    </message>
</context>
<context>
    <name>TrainingCurves</name>
    <message>
        <source>accuracy</source>
        <translation>准确率 (accuracy)</translation>
    </message>
    <message>
        <source>mae</source>
        <translation>平均绝对误差 (mae)</translation>
    </message>
    <message>
        <source>mse</source>
        <translation>均方误差 (mse)</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <source>Show the loss on a logarithmic scale, so small late improvements stay visible.</source>
        <translation>用对数坐标显示损失，使后期的微小改善仍然可见。</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <source>Point at a curve to read its values.</source>
        <translation>把鼠标指向一条曲线即可读出它的数值。</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>each batch</source>
        <translation>每个批次</translation>
    </message>
    <message>
        <source>smoothed</source>
        <translation>平滑</translation>
    </message>
    <message>
        <source>each epoch</source>
        <translation>每轮</translation>
    </message>
    <message>
        <source>The loss of each batch and of each epoch is drawn here as the model learns (press Train).</source>
        <translation>模型学习时，每个批次和每轮的损失会画在这里（按“训练”开始）。</translation>
    </message>
    <message>
        <source>Earlier runs drawn faded (dotted = training, dashed = validation); point here for their settings.</source>
        <translation>之前的运行以淡色绘制（点线 = 训练，虚线 = 验证）；把鼠标指向这里可查看它们的设置。</translation>
    </message>
    <message>
        <source>epoch %1</source>
        <translation>第 %1 轮</translation>
    </message>
    <message>
        <source>%1 %2 (at epoch %3)</source>
        <translation>%1 %2（第 %3 轮）</translation>
    </message>
    <message>
        <source>batch loss</source>
        <translation>批次损失</translation>
    </message>
    <message>
        <source>smoothed loss</source>
        <translation>平滑损失</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <source>validation %1</source>
        <translation>验证 %1</translation>
    </message>
    <message>
        <source>training %1</source>
        <translation>训练 %1</translation>
    </message>
    <message>
        <source>Export curves as CSV</source>
        <translation>把曲线导出为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export curves as PNG</source>
        <translation>把曲线导出为 PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Train the model on the chosen dataset, continuing from its current weights.</source>
        <translation>在所选数据集上训练模型，从当前权重继续。</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Reset weights</source>
        <translation>重置权重</translation>
    </message>
    <message>
        <source>Forget what was learned: the next run starts from new random weights.</source>
        <translation>忘掉学到的东西：下一次训练从新的随机权重开始。</translation>
    </message>
    <message>
        <source>this epoch %p%</source>
        <translation>本轮 %p%</translation>
    </message>
    <message>
        <source>whole run %p%</source>
        <translation>全部 %p%</translation>
    </message>
    <message>
        <source>Ready. Press Train to start.</source>
        <translation>就绪。按“训练”开始。</translation>
    </message>
    <message>
        <source>Automatic (GPU if available)</source>
        <translation>自动（有 GPU 时用 GPU）</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Add an output layer for this dataset</source>
        <translation>为此数据集添加输出层</translation>
    </message>
    <message>
        <source>Preparing the model and the data…</source>
        <translation>正在准备模型和数据…</translation>
    </message>
    <message>
        <source>Weights reset: the next run starts from new random weights.</source>
        <translation>权重已重置：下一次训练从新的随机权重开始。</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Paused. Press Resume to go on.</source>
        <translation>已暂停。按“继续”接着训练。</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>正在训练…</translation>
    </message>
    <message>
        <source>Training: adding, removing and rewiring layers is locked until it stops.</source>
        <translation>正在训练：停止之前，不能添加、删除层或重新连线。</translation>
    </message>
    <message>
        <source>Training on %1 with %2 examples…</source>
        <translation>正在 %1 上用 %2 个样本训练…</translation>
    </message>
    <message>
        <source>Epoch %1 of %2 · iteration %3 of %4 · %5 samples seen
Elapsed %6 · ETA %7 · %8 samples/s · loss %9</source>
        <translation>第 %1/%2 轮 · 第 %3/%4 次迭代 · 已处理 %5 个样本
已用 %6 · 剩余 %7 · 每秒 %8 个样本 · 损失 %9</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>设备：%1</translation>
    </message>
    <message>
        <source>not chosen yet</source>
        <translation>尚未选择</translation>
    </message>
    <message>
        <source>The run of the previous project ended; its results belong to that project and were dropped.</source>
        <translation>上一个项目的训练已结束；其结果属于那个项目，已被丢弃。</translation>
    </message>
    <message>
        <source>Finished %1 epochs.</source>
        <translation>已完成 %1 轮。</translation>
    </message>
    <message>
        <source>Stopped after %1 complete epochs.</source>
        <translation>在完成 %1 轮后停止。</translation>
    </message>
    <message>
        <source>Stopped early after %1 epochs (no more improvement).</source>
        <translation>%1 轮后提前停止（不再改善）。</translation>
    </message>
    <message>
        <source>Training diverged after %1 epochs.</source>
        <translation>训练在 %1 轮后发散。</translation>
    </message>
    <message>
        <source>Run ended after %1 epochs.</source>
        <translation>训练在 %1 轮后结束。</translation>
    </message>
    <message>
        <source>Fix it: match the dataset</source>
        <translation>修正：与数据集匹配</translation>
    </message>
    <message>
        <source>Fixed. Press Train to start.</source>
        <translation>已修正。按“训练”开始。</translation>
    </message>
</context>
<context>
    <name>TryView</name>
    <message>
        <source>Try it</source>
        <translation>试一试</translation>
    </message>
    <message>
        <source>Give the trained model a new input and see its answer, prepared exactly as the training data was.</source>
        <translation>给训练好的模型一个新的输入，查看它的回答；输入的准备方式与训练数据完全相同。</translation>
    </message>
    <message>
        <source>Train the model, then try it here on new inputs.</source>
        <translation>先训练模型，然后在这里用新的输入试一试。</translation>
    </message>
    <message>
        <source>Open pictures…</source>
        <translation>打开图片…</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>Another test row</source>
        <translation>换一行测试数据</translation>
    </message>
    <message>
        <source>Predict a file…</source>
        <translation>预测文件…</translation>
    </message>
    <message>
        <source>Answer every picture, table row or line of text in files and write the answers to a CSV file.</source>
        <translation>回答文件中的每张图片、每个表格行或每行文本，并把回答写入 CSV 文件。</translation>
    </message>
    <message>
        <source>Inputs to predict</source>
        <translation>要预测的输入</translation>
    </message>
    <message>
        <source>Pictures, tables or text (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp *.csv *.tsv *.txt);;All files (*)</source>
        <translation>图片、表格或文本 (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp *.csv *.tsv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Save the answers</source>
        <translation>保存回答</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Wrote %1: %2 answers.</source>
        <translation>已写入 %1：%2 个回答。</translation>
    </message>
    <message>
        <source>Predicting…</source>
        <translation>正在预测…</translation>
    </message>
    <message>
        <source>Open, drop or paste one or more pictures.</source>
        <translation>打开、拖入或粘贴一张或多张图片。</translation>
    </message>
    <message>
        <source>Type a sentence…</source>
        <translation>输入一句话…</translation>
    </message>
    <message>
        <source>Point at the Boundary view: hovering over a point shows the model&apos;s answer there.</source>
        <translation>请看“边界”视图：鼠标悬停在某个点上即可看到模型在该处的回答。</translation>
    </message>
    <message>
        <source>The clipboard holds no picture.</source>
        <translation>剪贴板中没有图片。</translation>
    </message>
    <message>
        <source>pasted picture</source>
        <translation>粘贴的图片</translation>
    </message>
    <message>
        <source>Open pictures</source>
        <translation>打开图片</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp)</translation>
    </message>
    <message>
        <source>Test sequence:</source>
        <translation>测试序列：</translation>
    </message>
    <message>
        <source>Forecast: {0:.4g} (true next value: {1:.4g})</source>
        <translation>预测：{0:.4g}（真实的下一个值：{1:.4g}）</translation>
    </message>
    <message>
        <source>Forecast: {0:.4g}</source>
        <translation>预测：{0:.4g}</translation>
    </message>
</context>
<context>
    <name>TunePanel</name>
    <message>
        <source>Apply best search result</source>
        <translation>应用最佳搜索结果</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>a file next to the project</source>
        <translation>项目旁的文件</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Apply best</source>
        <translation>应用最佳</translation>
    </message>
    <message>
        <source>Write the best trial&apos;s values into the layers and training settings (one undo step).</source>
        <translation>把最佳试验的取值写入各层和训练设置（可一步撤销）。</translation>
    </message>
    <message>
        <source>Trials</source>
        <translation>试验数</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>时间限制</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>进程数</translation>
    </message>
    <message>
        <source>Trial</source>
        <translation>试验</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>How many trials the search should hold in all (earlier runs under the same name count).</source>
        <translation>这次搜索总共要有多少次试验（同一名称下之前的运行也计入）。</translation>
    </message>
    <message>
        <source>loss on the held-back data</source>
        <translation>留出数据上的损失</translation>
    </message>
    <message>
        <source>loss on the training data</source>
        <translation>训练数据上的损失</translation>
    </message>
    <message>
        <source>accuracy on the held-back data</source>
        <translation>留出数据上的准确率</translation>
    </message>
    <message>
        <source>accuracy on the training data</source>
        <translation>训练数据上的准确率</translation>
    </message>
    <message>
        <source>average error on the held-back data</source>
        <translation>留出数据上的平均误差</translation>
    </message>
    <message>
        <source>average error on the training data</source>
        <translation>训练数据上的平均误差</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>lower is better</source>
        <translation>越低越好</translation>
    </message>
    <message>
        <source>higher is better</source>
        <translation>越高越好</translation>
    </message>
    <message>
        <source>when worse than most earlier trials</source>
        <translation>比之前大多数试验差时</translation>
    </message>
    <message>
        <source>keep only the best part of the trials going</source>
        <translation>只让较好的一部分试验继续</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>Where the search is kept: empty for a SQLite file next to the project, or a database URL such as postgresql://user@host/db to share it.</source>
        <translation>搜索保存在哪里：留空则为项目旁的 SQLite 文件，也可填写数据库 URL（如 postgresql://user@host/db）以便共享。</translation>
    </message>
    <message>
        <source>search (the usual one)</source>
        <translation>search（默认名称）</translation>
    </message>
    <message>
        <source>Use N processes on this machine, all on the same search: N trials train at once (at most one process per core).</source>
        <translation>在本机使用 N 个进程进行同一个搜索：N 次试验同时训练（每个核心最多一个进程）。</translation>
    </message>
    <message>
        <source>How many versions of the model to train, each with other values.</source>
        <translation>要训练多少个模型版本，每个使用不同的取值。</translation>
    </message>
    <message>
        <source>Stop starting new trials after this long.</source>
        <translation>超过这段时间后不再开始新的试验。</translation>
    </message>
    <message>
        <source>The number that says how good a trial is.</source>
        <translation>用来衡量一次试验好坏的数值。</translation>
    </message>
    <message>
        <source>Better is</source>
        <translation>更好的是</translation>
    </message>
    <message>
        <source>Whether a lower or a higher score wins.</source>
        <translation>得分越低越好，还是越高越好。</translation>
    </message>
    <message>
        <source>Stop weak trials early</source>
        <translation>提前停止较差的试验</translation>
    </message>
    <message>
        <source>Saves time: a trial that already does worse than the others at the same epoch is stopped.</source>
        <translation>节省时间：在同一轮次已经比其他试验差的试验会被停止。</translation>
    </message>
    <message>
        <source>A fixed number picks the same values again; &apos;random&apos; differs each time.</source>
        <translation>固定的数字会再次选出相同的取值；“随机”则每次不同。</translation>
    </message>
    <message>
        <source>Kept in</source>
        <translation>保存位置</translation>
    </message>
    <message>
        <source>Empty: a file next to the project (next to its autosave copy until it is saved).</source>
        <translation>留空：项目旁的一个文件（项目保存之前，放在它的自动保存副本旁）。</translation>
    </message>
    <message>
        <source>Search name</source>
        <translation>搜索名称</translation>
    </message>
    <message>
        <source>Trials under one name add up; a new name starts afresh.</source>
        <translation>同一名称下的试验会累积；新名称则重新开始。</translation>
    </message>
    <message>
        <source>How many trials train at the same time on this computer.</source>
        <translation>在这台电脑上同时训练多少次试验。</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>取值</translation>
    </message>
    <message>
        <source>Current trial</source>
        <translation>当前试验</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Score per trial</source>
        <translation>每个试验的得分</translation>
    </message>
    <message>
        <source>trial</source>
        <translation>试验</translation>
    </message>
    <message>
        <source>Score against a value</source>
        <translation>得分与取值的关系</translation>
    </message>
    <message>
        <source>Switch on &quot;search this&quot; for the settings to try (inspector, training settings), then press Start.</source>
        <translation>为要尝试的设置打开“搜索此项”（属性检查器、训练设置），然后按“开始”。</translation>
    </message>
    <message>
        <source>Not started: keeping the search in %1 was not confirmed. Empty the &quot;Kept in&quot; field to keep the search next to the project.</source>
        <translation>未开始：没有确认把搜索保存在 %1。清空“保存位置”一栏即可把搜索保存在项目旁。</translation>
    </message>
    <message>
        <source>Opening the search kept in %1…</source>
        <translation>正在打开保存在 %1 的搜索…</translation>
    </message>
    <message>
        <source>Where the search is kept</source>
        <translation>搜索的保存位置</translation>
    </message>
    <message>
        <source>The search will be kept in %1, outside the project&apos;s folder. Use this storage?</source>
        <translation>搜索将保存在项目文件夹之外的 %1 中。使用此存储吗？</translation>
    </message>
    <message>
        <source>The search now lives next to the project: %1</source>
        <translation>搜索现已移到项目旁：%1</translation>
    </message>
    <message>
        <source>No trial has finished yet: there is nothing to apply.</source>
        <translation>还没有完成的试验：没有可以应用的结果。</translation>
    </message>
    <message>
        <source>Applied trial %1 (Edit ▸ Undo takes it back).</source>
        <translation>已应用试验 %1（“编辑 ▸ 撤销”可以撤回）。</translation>
    </message>
    <message>
        <source>Trial %1</source>
        <translation>试验 %1</translation>
    </message>
    <message>
        <source>Trial %1: %2</source>
        <translation>试验 %1：%2</translation>
    </message>
    <message>
        <source>What mattered most: %1</source>
        <translation>影响最大的：%1</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>pruned</source>
        <translation>已剪枝</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Search stopped.</source>
        <translation>搜索已停止。</translation>
    </message>
    <message>
        <source>Search finished.</source>
        <translation>搜索已完成。</translation>
    </message>
    <message>
        <source>Best: trial %1, %2 = %3.</source>
        <translation>最佳：试验 %1，%2 = %3。</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to Keras Playground</source>
        <translation>欢迎使用 Keras Playground</translation>
    </message>
    <message>
        <source>&lt;b&gt;Learn by doing.&lt;/b&gt; Open a lesson (start with XOR: a small network learns what one straight line cannot), build your own model, or bring your own data.</source>
        <translation>&lt;b&gt;边做边学。&lt;/b&gt;打开一个课程（从 XOR 开始：一个小网络能学会一条直线做不到的事），自己搭建模型，或者导入你自己的数据。</translation>
    </message>
    <message>
        <source>Start here: %1</source>
        <translation>从这里开始：%1</translation>
    </message>
    <message>
        <source>Open this lesson</source>
        <translation>打开这个课程</translation>
    </message>
    <message>
        <source>Build your own</source>
        <translation>自己搭建</translation>
    </message>
    <message>
        <source>Start from the empty model: drag layers from the list on the left.</source>
        <translation>从空模型开始：从左侧列表中拖入层。</translation>
    </message>
    <message>
        <source>Open your data…</source>
        <translation>打开你的数据…</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Keras Playground</source>
        <translation>Keras Playground</translation>
    </message>
    <message>
        <source>Keras Playground is already running: %1 was opened there.</source>
        <translation>Keras Playground 已在运行：已在其中打开 %1。</translation>
    </message>
</context>
<context>
    <name>clipboard</name>
    <message>
        <source>Paste %n layer(s)</source>
        <translation>粘贴 %n 个层</translation>
    </message>
</context>
</TS>
