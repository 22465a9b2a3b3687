<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Carries a tensor of shape %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights into the next layer: mean %1, mean size %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something unexpected went wrong in a background task (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something unexpected went wrong (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app is still running and your work is kept. To be safe, save your project now (under a new name if in doubt). The details were written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 5, 6, 7, 8, 9 (empty = all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear %n painted point(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No painted points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write whole numbers separated by commas, e.g. 5, 6, 7.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened the lesson “%1” as a new untitled project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot list the lessons</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Autosave</name>
    <message>
        <source>Autosave failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The autosave copy %1 could not be removed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The autosaved copy could not be opened: %1
It is kept in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored, but the autosaved copy is kept in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored unsaved work from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore unsaved work?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keras Playground did not close properly last time. Unsaved work was kept: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore opens it as an unsaved project. Discard deletes it. Later asks again at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <source>Unexpected error ({kind}: {error}). The details were written to {log}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BoundaryView</name>
    <message>
        <source>Decision boundary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The background shows what the model answers at every spot; the dots are the data. Tick &quot;Paint points&quot; and click or drag to add points, right-click to erase them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show test data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discretize output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the final answer at each spot, without the model&apos;s certainty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paint points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value of the points you paint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class of the points you paint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train the model (or press &quot;Look at the current weights&quot;) to see what it answers at every spot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} training points (white rim), {1} test points (black rim), {2} painted (squares)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConvView</name>
    <message>
        <source>Convolutions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filters are the small patterns each convolution looks for (blue: adds, orange: subtracts). Feature maps show where in the chosen picture each pattern was found (bright = strongly).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sample </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which test picture to follow through the layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train a model with Conv2D layers on images to see them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1} of {2} filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: feature maps</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message>
        <source>Import a CSV table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tables (*.csv *.tsv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first row holds the column names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the columns the model may learn from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detect from the target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classification (categories)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regression (a number)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop and list them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave exactly those rows out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column to predict:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test share:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input scaling:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows with problems:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature columns (inputs):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First rows:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick at least one feature column.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This choice cannot be used: see the problems below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 problem(s) with row and column below. Fix them in the file, untick those columns, or choose to leave those rows out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 rows will be used; the %3 rows listed below are left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All %1 rows are usable.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatasetPanel</name>
    <message>
        <source>Import CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a table file, its feature columns and the column to predict.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose picture folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder with one sub-folder of pictures per class.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose data folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder holding mnist.npz, for computers without internet. Remembered for next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Things noticed while loading: they were handled as described, nothing was dropped silently.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the folder that holds mnist.npz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No table chosen yet: press Import CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all other columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the last column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File %1 — predicts %2 from %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No folder chosen yet: press Choose picture folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dataset cannot change while training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatasetPreview</name>
    <message>
        <source>Filled dots: training points. Rings: test points.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First pictures: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test part →</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DigitView</name>
    <message>
        <source>Draw a digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw a digit with the mouse: the bars show how sure the model is of each answer, live. Your drawing is centred and scaled like the MNIST pictures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centre like MNIST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MNIST digits are scaled to 20x20 pixels and centred; doing the same to your drawing helps the model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the model sees: your drawing centred and scaled like the MNIST pictures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model sees:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train a model on MNIST to try it with your own drawing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model says: {0} ({1:.0%} sure)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>Editing is locked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditActions</name>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrange &amp;Automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lay out the whole graph in tidy rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find Layer to Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;name Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit Graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Snap to Grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Getting Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clipboard holds no layers to paste. Copy layers on the canvas first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot paste: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrange automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unfreeze (train this layer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freeze (keep weights fixed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Getting started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Build a model in four steps&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;Drag a layer from &lt;b&gt;Layers&lt;/b&gt; (left) onto the canvas (onto a connection to insert it there), or double-click it to add it after the selected layer.&lt;/li&gt;&lt;li&gt;Connect layers: drag from the dot below a layer to the dot above the next one. Drag a connection&apos;s upper end to another layer to move it, or onto empty canvas to remove it.&lt;/li&gt;&lt;li&gt;Select a layer to change its settings in the &lt;b&gt;Inspector&lt;/b&gt; (right).&lt;/li&gt;&lt;li&gt;Red layers have a problem: hover over them to read what to fix.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Wheel: zoom · middle button or Space+drag: pan · Ctrl+0: fit · Ctrl+L: arrange · arrows: nudge · Delete: remove · Ctrl+Z: undo · Ctrl+F: find a layer to add (Enter adds it) · F2: rename.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Keras Model (.keras)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keras Model (.keras)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Python Script (.py)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canvas as PNG Image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canvas as SVG Drawing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has changes that are not saved. Save them first?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projects and Keras models (*%1 *.keras);;Projects (*%1);;Keras models (*.keras)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist (any more). Check the name, or whether it was moved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Keras Playground project (%2) or a Keras model (.keras).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keras Playground projects (*%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be saved: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Keras Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keras models (*.keras)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 (%2 layers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported with suspicious weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was imported, but:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Keras Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 with its trained weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 (untrained)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — %1 changed since training and start from fresh weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Python Script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Python scripts (*.py)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Canvas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be written. Check that the folder exists and is writable.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GraphView</name>
    <message>
        <source>Drag layers here from the list on the left, or double-click one to add it below the selected layer.
Connect two layers by dragging from the dot under one to the dot above the other.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HealthView</name>
    <message>
        <source>Training health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks each layer for common troubles: units that stopped working (dead ReLUs), squashed units (saturated sigmoid/tanh), and corrections that fade away or blow up (vanishing / exploding gradients).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train the model to check its health.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dead units {0:.0%}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saturated units {0:.0%}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gradient size {0:.2g}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ looks healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageFolderDialog</name>
    <message>
        <source>Use a folder of pictures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the folder whose sub-folders are the classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No folder chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the pictures of each class in their own sub-folder, e.g. pets/cats/… and pets/dogs/…, then choose pets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pictures are resized to this square size: small sizes train much faster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grey (1 channel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour (red, green, blue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colours:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classes found:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 file(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 classes, %2 files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder needs at least two sub-folders with pictures in each (one per class).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InsightPanel</name>
    <message>
        <source>Paint points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look at the current weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build the model with its current weights and fill every view (when not training).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boundary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neurons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw a digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Convolutions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TensorFlow is still loading; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InsightView</name>
    <message>
        <source>Save as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this picture as a PNG image file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write {0}. Check that the folder exists and you may write to it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <source>%1 layers selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a single layer to change its settings. Freezing keeps the weights of all selected layers fixed during training (e.g. the pretrained part of an imported model).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freeze selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unfreeze selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freeze layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unfreeze layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No layer selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a layer on the canvas to see and change its settings here. Drag layers in from the list on the left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trainable (uncheck to freeze the weights)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keras configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This layer has no form: edit its Keras configuration (JSON) and press Apply. Keras checks it before it is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>automatic: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inputs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output shape and parameters appear once TensorFlow has loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output shape: —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output shape: &lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Parameters: &lt;b&gt;%2&lt;/b&gt; (%3 trainable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration is not valid JSON (line %1, column %2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration must be a JSON object: { &quot;key&quot;: value, … }.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keras refused this configuration: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app is already in this language.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language changes when you restart Keras Playground.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LayerView</name>
    <message>
        <source>Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Biases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activation: {0} (dashed: its slope)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight histograms appear once the model has been built for training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>biases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: mean {1:.3g}, spread {2:.3g}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <source>Your notes about this project (saved with it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No lesson for this project. Open one with File ▸ Open Lesson…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device: automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TensorFlow: loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TensorFlow loads in the background; shapes and training become available once it is ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shapes could not be worked out: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TensorFlow: ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TensorFlow loaded in %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TensorFlow: not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1[*] — Keras Playground</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <source>Neurons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each square shows one neuron&apos;s output for every (x, y) spot: blue where it is high, orange where it is low. Lines are weights: blue positive, orange negative, thicker is stronger. Hover a square to enlarge it, a line to read its value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train a model on 2-D points to see its neurons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weight {0:.4f}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (first {1} of {2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}, unit {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input x1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input x2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PalettePanel</name>
    <message>
        <source>Search layers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag a layer onto the canvas, or double-click it to add it after the selected layer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ParamEditor</name>
    <message>
        <source>e.g. 3, 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty = same as pool size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 7, 7, 64</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 28, 28, 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 1  or  1, 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 0.1  or  -0.2, 0.2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. -1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty = none</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PresetsGallery</name>
    <message>
        <source>Lessons: open a preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lesson opens as a new, untitled project: your files and the preset stay as they are.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegressionView</name>
    <message>
        <source>Predictions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train a model that predicts numbers to compare its answers with the truth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each dot is one example: across, the true value; up, the model&apos;s answer. On the diagonal line the answer is exactly right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>predicted value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typical error: {0:.3g}. Fit score R²: {1:.3f} (1 is perfect, 0 is no better than always guessing the average).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Learned:&lt;/b&gt; F = {0:.4f} · C + {1:.3f} &amp;nbsp;&amp;nbsp; &lt;b&gt;Real rule:&lt;/b&gt; F = {2:g} · C + {3:g}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The real series and the model&apos;s forecast of each next value, made from the values just before it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grey: the real series. Orange: the model&apos;s forecast of each next value from the values before it. Typical error: {0:.3g}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows are the true classes, columns what the model answered: the diagonal counts the right answers. Below: samples the model got wrong, most confident first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>predicted class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accuracy per class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train a classifier to see its results.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy on the {0} data: {1:.1%} ({2} of {3} wrong)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>said {0} ({1:.0%})
was {2}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <source>automatic (from the data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stop when it stops improving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>random</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (GPU if available)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the weights are changed after each batch. Adam adapts its steps by itself and is a good start; SGD is the plain textbook method.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How big each correction step is. Too high: the loss jumps around or explodes. Too low: learning crawls. 0.001 suits Adam; SGD often needs 0.01–0.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number training tries to make small: how wrong the predictions are. Automatic picks cross-entropy for classes and mean squared error for numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An extra score that is easier to read than the loss, e.g. accuracy = share of examples classified right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An epoch is one pass over all training examples. More epochs = more practice, but too many can memorise the data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many examples are looked at before each weight update. One batch = one iteration (step). Small batches: noisy but frequent updates; large: smooth but fewer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of the training examples kept aside to check the model on data it never trained on (ignored when the dataset has its own validation set).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop by itself when the watched value has not improved for &apos;patience&apos; epochs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many epochs without improvement to wait before stopping early.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value early stopping watches: val_loss (loss on the validation examples) is the usual choice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A fixed number makes runs repeatable (same shuffling and starting weights); &apos;random&apos; gives a different run each time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the arithmetic runs. Automatic uses the GPU when TensorFlow finds one, else the CPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Early stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patience</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point at or click a setting to see what it means.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SummaryPanel</name>
    <message>
        <source>Layer (type)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Param #</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shapes and parameter counts appear once TensorFlow has loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total params: %1   ·   Trainable params: %2   ·   Non-trainable params: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingController</name>
    <message>
        <source>Training failed unexpectedly ({kind}): {error}. The details were written to {log}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingCurves</name>
    <message>
        <source>Log scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the loss on a logarithmic scale, so small late improvements stay visible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point at a curve to read its values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training, each batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training, smoothed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training, per epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validation, per epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier runs (faded, dotted = training, dashed = validation):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 (at epoch %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>smoothed loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validation %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export curves as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export curves as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train the model on the chosen dataset, continuing from its current weights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget what was learned: the next run starts from new random weights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this epoch %p%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whole run %p%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready. Press Train to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (GPU if available)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the model and the data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights reset: the next run starts from new random weights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused. Press Resume to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training: adding, removing and rewiring layers is locked until it stops.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training on %1 with %2 examples…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch %1 of %2 · iteration %3 of %4 · %5 samples seen
Elapsed %6 · ETA %7 · %8 samples/s · loss %9</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not chosen yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run of the previous project ended; its results belong to that project and were dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished %1 epochs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped after %1 complete epochs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped early after %1 epochs (no more improvement).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training diverged after %1 epochs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run ended after %1 epochs.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Keras Playground</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>self._scene</name>
    <message>
        <source>%1 params</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>Open &amp;Lesson…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a ready-made lesson (XOR, MNIST, perceptron…) as a new untitled project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inside the network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model summary</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
