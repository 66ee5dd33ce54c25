-- Accounts made while the reminder box came ticked never chose reminders: nobody is opted in until they tick it.
UPDATE account.customer SET cart_reminders = false;
