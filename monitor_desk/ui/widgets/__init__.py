"""Small shared pieces: table views and models, paging, column choice, delegates,
layouts, colours."""
