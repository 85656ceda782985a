/**
 * Function file of the ribbon (manifest FunctionFile). The "Bình xét" button opens the task pane
 * through a ShowTaskpane action, so nothing runs here yet; `showTaskpane` is registered for a later
 * ExecuteFunction button. Compiled to ES5 (it also loads in the Internet Explorer web view).
 */
function showTaskpane(event?: { completed(): void }): void {
  const addin = (Office as unknown as { addin?: { showAsTaskpane?: () => Promise<void> } }).addin;
  const done = () => event?.completed();
  if (addin && addin.showAsTaskpane) addin.showAsTaskpane().then(done, done);
  else done();
}

if (typeof Office !== 'undefined') {
  Office.onReady(() => {
    if (Office.actions && typeof Office.actions.associate === 'function') Office.actions.associate('showTaskpane', showTaskpane);
  });
}
