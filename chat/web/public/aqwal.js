// aqwal web chat: give every block of chat text dir="auto", so Arabic paragraphs, the input and
// panel titles run right-to-left and English ones left-to-right (Chainlit sets no direction).
(function () {
  'use strict';
  var SELECTOR = [
    '.prose [role="article"]', '.prose p', '.prose li', '.prose blockquote', '.prose h1', '.prose h2', '.prose h3', '.prose h4',
    '.prose td', '.prose th', '#chat-input', '#side-view-title', 'textarea'
  ].join(',');

  function mark(root) {
    if (!root || !root.querySelectorAll) return;
    if (root.matches && root.matches(SELECTOR) && !root.hasAttribute('dir')) root.setAttribute('dir', 'auto');
    var nodes = root.querySelectorAll(SELECTOR);
    for (var i = 0; i < nodes.length; i++) {
      if (!nodes[i].hasAttribute('dir')) nodes[i].setAttribute('dir', 'auto');
    }
  }

  function start() {
    mark(document.body);
    new MutationObserver(function (records) {
      for (var i = 0; i < records.length; i++) {
        var added = records[i].addedNodes;
        for (var j = 0; j < added.length; j++) {
          if (added[j].nodeType === 1) mark(added[j]);
        }
      }
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start);
})();
